namespace Quire.Benchmarks.CSharpKernel;

/// <summary>
/// The same work written in each kernel's language: what a user would type, with equal chunk sizes for the stream
/// and an equal busy loop for the interrupt, so that the two kernels are compared on the same cells.
/// </summary>
internal sealed record LanguageSamples
{
    /// <summary>The kernelspec name as Jupyter finds it.</summary>
    public required string KernelName { get; init; }

    /// <summary>How the table names this side.</summary>
    public required string Label { get; init; }

    /// <summary>A cell of 50 lines: helpers, a small data set, loops, comprehensions or queries, a tuple as its value.</summary>
    public required string FiftyLineCell { get; init; }

    /// <summary>Defines the variable that <see cref="CompletionCode"/> completes members of.</summary>
    public required string CompletionSetup { get; init; }

    /// <summary>Member completion on a string variable, the cursor at the end.</summary>
    public required string CompletionCode { get; init; }

    /// <summary>Prints a marker (flushed), then spins until interrupted.</summary>
    public required string BusyLoop { get; init; }

    /// <summary>A cell printing (chunks, chunk size) chunks of that many characters, a newline ending each.</summary>
    public required Func<int, int, string> StreamCell { get; init; }

    /// <summary>The text the busy loop prints before spinning.</summary>
    public const string StartedMarker = "started";

    public static LanguageSamples Python { get; } = new()
    {
        KernelName = "python3",
        Label = "ipykernel",
        FiftyLineCell = PythonFiftyLines,
        CompletionSetup = "text = \"abc\"",
        CompletionCode = "text.s",
        BusyLoop = $"print(\"{StartedMarker}\", flush=True)\nwhile True:\n    pass\n",
        StreamCell = (chunks, size) => $"chunk = \"x\" * {size - 1} + \"\\n\"\nfor _ in range({chunks}):\n    print(chunk, end=\"\")\n",
    };

    public static LanguageSamples CSharp { get; } = new()
    {
        KernelName = "csharp",
        Label = "Quire C#",
        FiftyLineCell = CSharpFiftyLines,
        CompletionSetup = "var text = \"abc\";",
        CompletionCode = "text.S",
        BusyLoop = $"Console.WriteLine(\"{StartedMarker}\");\nConsole.Out.Flush();\nwhile (true)\n{{\n}}\n",
        StreamCell = (chunks, size) => $"var chunk = new string('x', {size - 1}) + \"\\n\";\nfor (var i = 0; i < {chunks}; i++)\n{{\n    Console.Write(chunk);\n}}\n",
    };

    private const string PythonFiftyLines = """
        # A typical analysis cell: helpers, a small data set, loops, comprehensions, a summary value.
        def mean(values):
            return sum(values) / len(values)

        def variance(values):
            m = mean(values)
            return sum((v - m) ** 2 for v in values) / len(values)

        def classify(value):
            return "high" if value > 6 else "mid" if value > 4.5 else "low"

        readings = [3.5, 4.25, 5.0, 2.75, 6.5, 4.0, 3.25, 5.75, 4.5, 6.25]
        scaled = [r * 1.5 for r in readings]
        labels = {}
        for i in range(len(scaled)):
            labels[i] = classify(scaled[i])

        counts = {}
        for label in labels.values():
            counts[label] = counts.get(label, 0) + 1

        running = []
        total = 0.0
        for r in scaled:
            total += r
            running.append(total)

        squares = [r * r for r in readings if r > 3]
        spread = max(readings) - min(readings)
        m = mean(scaled)
        v = variance(scaled)
        sd = v ** 0.5
        normalized = [(r - m) / sd for r in scaled]
        above = sum(1 for z in normalized if z > 0)
        below = len(normalized) - above
        text = ", ".join(f"{k}={counts[k]}" for k in sorted(counts))
        words = text.split(", ")
        longest = max(words, key=len)
        checksum = 0
        for ch in text:
            checksum = (checksum * 31 + ord(ch)) % 1000003

        summary = {"n": len(readings), "mean": round(m, 3), "sd": round(sd, 3)}
        summary["above"] = above
        summary["below"] = below
        summary["spread"] = spread
        summary["checksum"] = checksum
        summary["squares"] = len(squares)
        summary["last"] = running[-1]
        (summary["n"], summary["above"], longest, running[-1])
        """;

    private const string CSharpFiftyLines = """
        // A typical analysis cell: helpers, a small data set, loops, queries, a summary value.
        double Mean(IReadOnlyList<double> values) => values.Sum() / values.Count;
        double Variance(IReadOnlyList<double> values)
        {
            var m = Mean(values); return values.Sum(v => (v - m) * (v - m)) / values.Count;
        }

        string Classify(double value) => value > 6 ? "high" : value > 4.5 ? "mid" : "low";
        var readings = new List<double> { 3.5, 4.25, 5.0, 2.75, 6.5, 4.0, 3.25, 5.75, 4.5, 6.25 };
        var scaled = readings.Select(r => r * 1.5).ToList();
        var labels = new Dictionary<int, string>();
        for (var i = 0; i < scaled.Count; i++)
        {
            labels[i] = Classify(scaled[i]);
        }

        var counts = new Dictionary<string, int>();
        foreach (var label in labels.Values)
        {
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        var running = new List<double>();
        var total = 0.0;
        foreach (var r in scaled)
        {
            total += r;
            running.Add(total);
        }

        var squares = readings.Where(r => r > 3).Select(r => r * r).ToList();
        var spread = readings.Max() - readings.Min();
        var m = Mean(scaled);
        var sd = Math.Sqrt(Variance(scaled));
        var normalized = scaled.Select(r => (r - m) / sd).ToList();
        var above = normalized.Count(z => z > 0);
        var below = normalized.Count - above;
        var text = string.Join(", ", counts.Keys.Order().Select(k => $"{k}={counts[k]}"));
        var words = text.Split(", ");
        var longest = words.MaxBy(w => w.Length);
        var checksum = 0L;
        foreach (var ch in text) { checksum = (checksum * 31 + ch) % 1000003; }
        var summary = new Dictionary<string, object> { ["n"] = readings.Count, ["mean"] = Math.Round(m, 3), ["sd"] = Math.Round(sd, 3) };
        summary["above"] = above;
        summary["below"] = below;
        summary["spread"] = spread;
        summary["checksum"] = checksum;
        summary["squares"] = squares.Count;
        summary["last"] = running[^1];
        (summary["n"], summary["above"], longest, running[^1])
        """;
}
