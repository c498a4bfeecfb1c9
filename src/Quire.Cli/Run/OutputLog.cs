using Quire.Cli.Kernels;
using Quire.Notebook.Json;

namespace Quire.Cli.Run;

/// <summary><c>--log-output</c>: each cell output as a terminal shows it (streams, text/plain, tracebacks).</summary>
internal sealed class OutputLog(TextWriter writer, bool colors)
{
    private readonly Lock _lock = new();

    public void CellStarted(int ordinal, int total, string? id)
    {
        lock (_lock)
        {
            writer.WriteLine($"--- cell {ordinal}/{total}{(id is null ? string.Empty : $" ({id})")} ---");
        }
    }

    public void Write(JObject output)
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
            writer.Write(colors ? text : Ansi.Strip(text));
        }
    }

    private static string? TextOf(JValue? value) => value switch
    {
        JString s => s.Value,
        JArray a => string.Concat(a.Select(v => v.AsString())),
        _ => null,
    };
}
