using System.Text;
using Quire.Notebook.Json;

namespace Quire.Server.Kernels.Outputs;

/// <summary>
/// The outputs of one cell's latest execution, as they arrived: streams merged as nbformat stores them,
/// <c>clear_output</c> honoured (with <c>wait</c>, at the next output), display ids remembered for updates.
/// </summary>
internal sealed class CellRecord
{
    private readonly List<Entry> _outputs = [];
    private bool _clearPending;

    public CellRecord(string path) => Path = path;

    /// <summary>The notebook (API path) the cell belongs to.</summary>
    public string Path { get; set; }

    public long? ExecutionCount { get; set; }

    /// <summary>When the execution ended (its idle status); null while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The kernel running it; its restart ends the execution.</summary>
    public string KernelId { get; set; } = string.Empty;

    public long Bytes { get; private set; }

    /// <summary>Whether output stopped being recorded because the notebook's share was used up.</summary>
    public bool Truncated { get; set; }

    public IEnumerable<JObject> Outputs => _outputs.Select(o => o.ToJson());

    /// <summary>A new execution of the cell: its old outputs go, as a notebook client clears them.</summary>
    public void Start(string kernelId)
    {
        _outputs.Clear();
        (_clearPending, Bytes, Truncated, ExecutionCount, CompletedAt, KernelId) = (false, 0, false, null, null, kernelId);
    }

    public void Add(JObject output, string? displayId, long bytes)
    {
        ApplyPendingClear();
        Bytes += bytes;
        if (output.GetString("output_type") == "stream")
        {
            var name = output.GetString("name") ?? "stdout";
            var text = Text(output);

            // Appended to a builder, not to a string: a cell printing many small lines must not cost quadratic time.
            if (_outputs.Count > 0 && _outputs[^1].StreamName == name)
            {
                _outputs[^1].Text!.Append(text);
            }
            else
            {
                _outputs.Add(new Entry { StreamName = name, Text = new StringBuilder(text) });
            }

            return;
        }

        _outputs.Add(new Entry { Json = output, DisplayId = displayId });
    }

    public void Clear(bool wait)
    {
        if (wait)
        {
            _clearPending = true;
            return;
        }

        _outputs.Clear();
        _clearPending = false;
    }

    /// <summary>Replaces data and metadata of every output shown under <paramref name="displayId"/>.</summary>
    public void Update(string displayId, JValue data, JValue metadata)
    {
        foreach (var entry in _outputs.Where(o => o.DisplayId == displayId && o.Json is not null))
        {
            entry.Json = entry.Json!.With("data", data).With("metadata", metadata);
        }
    }

    private void ApplyPendingClear()
    {
        if (_clearPending)
        {
            _outputs.Clear();
            _clearPending = false;
        }
    }

    private static string Text(JObject stream) => stream["text"] switch
    {
        JString s => s.Value,
        JArray lines => string.Concat(lines.Select(l => l.AsString())),
        _ => string.Empty,
    };

    // One output: a stream being merged (name and text so far), or any other output as its JSON.
    private sealed class Entry
    {
        public JObject? Json { get; set; }

        public string? StreamName { get; init; }

        public StringBuilder? Text { get; init; }

        public string? DisplayId { get; init; }

        public JObject ToJson() => Json ?? JObject.Of(("name", StreamName!), ("output_type", "stream"), ("text", Text!.ToString()));
    }
}
