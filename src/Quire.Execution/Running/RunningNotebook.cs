using Quire.Notebook;
using Quire.Notebook.Json;

namespace Quire.Execution.Running;

/// <summary>
/// The notebook as the run fills it in: shared between the cell loop, the kernel's receive loop (outputs) and the
/// autosaver (snapshots), so every access takes the lock. Outputs of the cells that ran are kept as lists and folded
/// into cells only when a snapshot is taken.
/// </summary>
internal sealed class RunningNotebook
{
    private readonly Lock _lock = new();
    private readonly List<NotebookCell> _cells;
    private readonly Dictionary<int, List<JObject>> _outputs = [];
    private readonly Dictionary<int, long?> _counts = [];
    private readonly Dictionary<string, List<(int Cell, int Output)>> _displays = new(StringComparer.Ordinal);
    private readonly JObject _originalMetadata;
    private JObject _metadata;
    private bool _clearOnNextOutput;
    private int _version;

    public RunningNotebook(NotebookDocument notebook)
    {
        _cells = [.. notebook.Cells];
        _metadata = _originalMetadata = notebook.Metadata;
        Template = notebook;
    }

    public NotebookDocument Template { get; }

    public IReadOnlyList<NotebookCell> Cells
    {
        get
        {
            lock (_lock)
            {
                return [.. _cells];
            }
        }
    }

    /// <summary>Changes since construction; the autosaver skips a save when nothing changed.</summary>
    public int Version
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    public JObject OriginalMetadata => _originalMetadata;

    public void UpdateMetadata(Func<JObject, JObject> update)
    {
        lock (_lock)
        {
            _metadata = update(_metadata);
            _version++;
        }
    }

    public void UpdateCellMetadata(int index, Func<JObject, JObject> update)
    {
        lock (_lock)
        {
            _cells[index] = _cells[index].WithMetadata(update(_cells[index].Metadata));
            _version++;
        }
    }

    /// <summary>Empties the outputs and execution count of a code cell (papermill clears every code cell before a run).</summary>
    public void Reset(int index)
    {
        lock (_lock)
        {
            _outputs[index] = [];
            _counts[index] = null;
            _clearOnNextOutput = false;
            ForgetDisplays(index);
            _version++;
        }
    }

    public void SetExecutionCount(int index, long? count)
    {
        lock (_lock)
        {
            _counts[index] = count;
            _version++;
        }
    }

    /// <summary>Adds an output to the cell; <paramref name="displayId"/> registers it for later updates.</summary>
    public void AddOutput(int index, JObject output, string? displayId = null)
    {
        lock (_lock)
        {
            var outputs = _outputs[index];
            if (_clearOnNextOutput)
            {
                outputs.Clear();
                ForgetDisplays(index);
                _clearOnNextOutput = false;
            }

            if (displayId is not null)
            {
                if (!_displays.TryGetValue(displayId, out var list))
                {
                    _displays[displayId] = list = [];
                }

                list.Add((index, outputs.Count));
            }

            outputs.Add(output);
            _version++;
        }
    }

    public void ClearOutput(int index, bool wait)
    {
        lock (_lock)
        {
            if (wait)
            {
                _clearOnNextOutput = true;
                return;
            }

            _outputs[index].Clear();
            ForgetDisplays(index);
            _version++;
        }
    }

    /// <summary>nbclient's <c>_update_display_id</c>: every output shown with that id, in any cell that ran, gets the new data.</summary>
    public void UpdateDisplay(string displayId, JValue data, JValue metadata)
    {
        lock (_lock)
        {
            if (!_displays.TryGetValue(displayId, out var list))
            {
                return;
            }

            foreach (var (cell, output) in list)
            {
                var outputs = _outputs[cell];
                if (output < outputs.Count)
                {
                    outputs[output] = outputs[output].With("data", data).With("metadata", metadata);
                }
            }

            _version++;
        }
    }

    public IReadOnlyList<JObject> OutputsOf(int index)
    {
        lock (_lock)
        {
            return _outputs.TryGetValue(index, out var list) ? [.. list] : [];
        }
    }

    public NotebookDocument Snapshot()
    {
        lock (_lock)
        {
            var cells = new List<NotebookCell>(_cells.Count);
            for (var i = 0; i < _cells.Count; i++)
            {
                var cell = _cells[i];
                if (cell is CodeCell code && _outputs.TryGetValue(i, out var outputs))
                {
                    cell = code.WithOutputs(outputs.Select(NotebookOutput.From)).WithExecutionCount(_counts.GetValueOrDefault(i));
                }

                cells.Add(cell);
            }

            return Template.WithCells(cells).WithMetadata(_metadata);
        }
    }

    private void ForgetDisplays(int index)
    {
        foreach (var list in _displays.Values)
        {
            list.RemoveAll(d => d.Cell == index);
        }
    }
}
