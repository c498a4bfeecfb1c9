using Microsoft.Extensions.Logging;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Notebook;
using Quire.Notebook.Json;
using Quire.Server.Contents;
using Quire.Server.Hosting;
using Quire.Server.Kernels.Channels;

namespace Quire.Server.Kernels.Outputs;

/// <summary>
/// Outputs survive a closed browser: every <c>execute_request</c> that names its cell (<c>metadata.cellId</c>, as
/// JupyterLab sends) through a kernel whose session is a notebook has its iopub outputs recorded against that cell as
/// they arrive, whoever is connected. The contents API returns them merged into the notebook's cells (by cell id) until
/// the notebook is saved after the execution ended (the file then holds them) or its session is deleted.
/// </summary>
internal sealed partial class NotebookOutputStore(KernelsOptions options, QuireServerOptions serverOptions, TimeProvider time, ILogger<NotebookOutputStore> logger)
    : INotebookModelOverlay
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, CellRecord>> _notebooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CellRecord>> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _notebookBytes = new(StringComparer.Ordinal);

    /// <summary>Starts recording when <paramref name="request"/> executes a notebook cell.</summary>
    public void OnExecuteRequest(ServerKernel kernel, JupyterMessage request)
    {
        var paths = kernel.NotebookPaths;
        if (!options.RecordNotebookOutputs || paths.Count == 0)
        {
            return;
        }

        var cellId = JsonScan.TopLevelString(request.MetadataJson.Span, "cellId"u8);
        if (string.IsNullOrEmpty(cellId))
        {
            return;
        }

        lock (_lock)
        {
            var cells = new List<CellRecord>(paths.Count);
            foreach (var path in paths.Select(Normalize))
            {
                var notebook = NotebookFor(path);
                if (!notebook.TryGetValue(cellId, out var cell))
                {
                    notebook[cellId] = cell = new CellRecord(path);
                }

                _notebookBytes[path] = _notebookBytes.GetValueOrDefault(path) - cell.Bytes;
                cell.Start(kernel.Id);
                cells.Add(cell);
            }

            _executions[request.MsgId] = cells;
        }
    }

    /// <summary>Records an iopub message that belongs to a recorded execution.</summary>
    public void OnIOPub(JupyterMessage message)
    {
        if (message.ParentMsgId is not { } parent)
        {
            return;
        }

        lock (_lock)
        {
            if (!_executions.TryGetValue(parent, out var cells))
            {
                return;
            }

            if (message.MsgType == MessageTypes.Status)
            {
                if (JsonScan.TopLevelString(message.ContentJson.Span, "execution_state"u8) == ExecutionStates.Idle)
                {
                    var now = time.GetUtcNow();
                    cells.ForEach(c => c.CompletedAt = now);
                    _executions.Remove(parent);
                }

                return;
            }

            if (message.MsgType is not (MessageTypes.Stream or MessageTypes.DisplayData or MessageTypes.ExecuteResult or MessageTypes.Error
                or MessageTypes.ExecuteInput or MessageTypes.ClearOutput or MessageTypes.UpdateDisplayData))
            {
                return;
            }

            if (JsonParser.Parse(message.ContentJson) is not JObject content)
            {
                return;
            }

            foreach (var cell in cells)
            {
                Record(cell, message, content);
            }
        }
    }

    /// <summary>A kernel restarted or went away: its running executions will never finish.</summary>
    public void OnKernelStopped(string kernelId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            foreach (var (msgId, cells) in _executions.Where(e => e.Value.Exists(c => c.KernelId == kernelId)).ToList())
            {
                cells.ForEach(c => c.CompletedAt ??= now);
                _executions.Remove(msgId);
            }
        }
    }

    /// <summary>Forgets a notebook's outputs (its session was deleted).</summary>
    public void Forget(string path)
    {
        lock (_lock)
        {
            if (_notebooks.Remove(Normalize(path), out var cells))
            {
                _notebookBytes.Remove(Normalize(path));
                LogForgotten(logger, cells.Count);
            }
        }
    }

    /// <summary>Keeps a notebook's outputs under its new path (its session's path changed, as on a rename).</summary>
    public void Move(string from, string to)
    {
        lock (_lock)
        {
            if (_notebooks.Remove(Normalize(from), out var cells))
            {
                foreach (var cell in cells.Values)
                {
                    cell.Path = Normalize(to);
                }

                _notebooks[Normalize(to)] = cells;
                _notebookBytes[Normalize(to)] = _notebookBytes.GetValueOrDefault(Normalize(from));
                _notebookBytes.Remove(Normalize(from));
            }
        }
    }

    public bool MayChange(string path)
    {
        var key = Normalize(path);
        lock (_lock)
        {
            return _notebooks.TryGetValue(key, out var records) && records.Count > 0;
        }
    }

    public NotebookDocument Apply(string path, NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var key = Normalize(path);
        lock (_lock)
        {
            if (!_notebooks.TryGetValue(key, out var records) || records.Count == 0)
            {
                return notebook;
            }

            var saved = SavedAt(key);
            var changed = false;
            var cells = new List<NotebookCell>(notebook.Cells.Length);
            foreach (var cell in notebook.Cells)
            {
                if (cell is CodeCell code && code.Id is { } id && records.TryGetValue(id, out var record))
                {
                    if (record.CompletedAt is { } completed && saved is { } savedAt && savedAt >= completed)
                    {
                        // Saved after the execution ended: what the file holds is what the user kept (maybe cleared).
                        records.Remove(id);
                    }
                    else
                    {
                        cells.Add(code.WithOutputs(record.Outputs.Select(NotebookOutput.From)).WithExecutionCount(record.ExecutionCount));
                        changed = true;
                        continue;
                    }
                }

                cells.Add(cell);
            }

            return changed ? notebook.WithCells(cells) : notebook;
        }
    }

    private Dictionary<string, CellRecord> NotebookFor(string path)
    {
        var key = Normalize(path);
        if (!_notebooks.TryGetValue(key, out var cells))
        {
            _notebooks[key] = cells = new Dictionary<string, CellRecord>(StringComparer.Ordinal);
        }

        return cells;
    }

    private DateTimeOffset? SavedAt(string path)
    {
        var file = Path.Combine(serverOptions.RootDirectory, path);
        return File.Exists(file) ? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero) : null;
    }

    public static string Normalize(string path) => path.Trim('/');

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot the recorded outputs of {Count} cell(s): the notebook's session was deleted")]
    private static partial void LogForgotten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped recording a cell's output: the notebook's recorded outputs reached {Limit} bytes")]
    private static partial void LogTruncated(ILogger logger, long limit);
}
