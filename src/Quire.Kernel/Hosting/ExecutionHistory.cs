using System.Text.Json;
using System.Text.RegularExpressions;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Hosting;

/// <summary>The cells run in this session, answering <c>history_request</c> (tail, range and search) as IPython does.</summary>
internal sealed class ExecutionHistory(int capacity)
{
    private readonly List<(int Line, string Code)> _entries = [];
    private readonly Dictionary<int, string> _outputs = [];
    private readonly Lock _lock = new();

    public void Add(int executionCount, string code)
    {
        lock (_lock)
        {
            _entries.Add((executionCount, code));
            if (_entries.Count > capacity)
            {
                _outputs.Remove(_entries[0].Line);
                _entries.RemoveAt(0);
            }
        }
    }

    /// <summary>Remembers a cell's result (its text/plain), for requests with <c>output</c> set.</summary>
    public void AddOutput(int executionCount, string text)
    {
        lock (_lock)
        {
            _outputs[executionCount] = text;
        }
    }

    public IReadOnlyList<JsonElement> Query(HistoryRequest request)
    {
        List<(int Line, string Code)> entries;
        Dictionary<int, string> outputs;
        lock (_lock)
        {
            entries = [.. _entries];
            outputs = new(_outputs);
        }

        IEnumerable<(int Line, string Code)> selected = request.HistAccessType switch
        {
            "tail" => entries.TakeLast(request.N ?? 10),
            "range" => entries.Where(e => e.Line >= (request.Start ?? 1) && (request.Stop is not { } stop || e.Line < stop)),
            "search" => Search(entries, request),
            _ => [],
        };

        // Entries are [session, line_number, input], or [session, line_number, [input, output]] when outputs are asked
        // for (output null for cells without a result); this kernel's session is always 1.
        return [.. selected.Select(e => JsonSerializer.SerializeToElement(
            request.Output ? new object?[] { 1, e.Line, new object?[] { e.Code, outputs.GetValueOrDefault(e.Line) } } : new object[] { 1, e.Line, e.Code },
            HostJsonContext.Default.ObjectArray))];
    }

    private static IEnumerable<(int Line, string Code)> Search(List<(int Line, string Code)> entries, HistoryRequest request)
    {
        // IPython's pattern is a glob: * and ? wildcards over the whole input.
        var regex = new Regex("^" + Regex.Escape(request.Pattern ?? "*").Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        var matches = entries.Where(e => regex.IsMatch(e.Code));
        if (request.Unique == true)
        {
            matches = matches.Reverse().DistinctBy(e => e.Code).Reverse();
        }

        return request.N is { } n ? matches.TakeLast(n) : matches;
    }
}
