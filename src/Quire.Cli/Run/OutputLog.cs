using Quire.Cli.Kernels;
using Quire.Notebook.Json;

namespace Quire.Cli.Run;

/// <summary><c>--log-output</c>: each cell output as a terminal shows it (streams, text/plain, tracebacks).</summary>
internal sealed class OutputLog(TextWriter writer, bool colors)
{
    private readonly Lock _lock = new();
    private int _headed;

    public void CellStarted(int ordinal, int total, string? id)
    {
        lock (_lock)
        {
            Head(ordinal, total, id);
        }
    }

    /// <summary>
    /// Writes one output of cell <paramref name="ordinal"/>. The next cell is sent as soon as a cell's reply arrives, so
    /// a late output of a cell can come after the next cell's header: it gets its own cell's header again.
    /// </summary>
    public void Write(int ordinal, int total, string? id, JObject output)
    {
        var text = output.GetString("output_type") switch
        {
            "stream" => output.GetString("text"),
            "error" => string.Join('\n', output.GetArray("traceback")?.Select(t => t.AsString()) ?? []) + "\n",
            _ => TextOf(output.GetObject("data")?["text/plain"]) is { } plain ? plain + "\n" : null,
        };
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        lock (_lock)
        {
            if (ordinal != _headed)
            {
                Head(ordinal, total, id);
            }

            writer.Write(colors ? text : Ansi.Strip(text));
        }
    }

    private void Head(int ordinal, int total, string? id)
    {
        _headed = ordinal;
        writer.WriteLine($"--- cell {ordinal}/{total}{(id is null ? string.Empty : $" ({id})")} ---");
    }

    private static string? TextOf(JValue? value) => value switch
    {
        JString s => s.Value,
        JArray a => string.Concat(a.Select(v => v.AsString())),
        _ => null,
    };
}
