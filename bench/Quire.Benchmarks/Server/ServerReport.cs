using System.Globalization;

namespace Quire.Benchmarks.Server;

/// <summary>
/// The Markdown for bench/RESULTS.md: one table of medians (or percentiles) and ratios, a table of server CPU time per
/// contents operation, and one verdict line per target of issue 5. Ratios are jupyter_server ÷ Quire for times and
/// Quire ÷ jupyter_server for rates: higher is better for Quire.
/// </summary>
internal sealed class ServerReport(TextWriter output, ServerSettings settings, ServerFigures j, ServerFigures q, List<double> kernelAlone)
{
    private readonly List<(string Name, double Ratio)> _contents = [];
    private double _rateRatio;
    private double _startRatio;

    public void Write(List<NotebookCase> notebooks, NotebookCase concurrent)
    {
        var sizes = string.Join(", ", notebooks.Select(n => $"{n.Label} ({n.Cells} cells)"));
        output.WriteLine(Invariant($"{settings.Rounds} interleaved rounds. Notebooks: {sizes}; {settings.Passes} GETs and PUTs of each per round and server. Concurrent GETs: {settings.Workers} workers, {settings.Seconds} s per round, of a {concurrent.Label} notebook ({concurrent.Cells} cells). {settings.Kernels} python3 kernels started at once per round. `1+1`: {settings.ExecutesPerRound * settings.Rounds} timed executes per server and path (after {ServerSettings.WarmUpExecutes} untimed per block)."));
        output.WriteLine();
        output.WriteLine("| measure | jupyter_server | Quire | ratio | target |");
        output.WriteLine("|---|---|---|---|---|");
        WriteContents(notebooks);
        WriteConcurrentGets(concurrent);
        WriteKernelStarts();
        var (legacyGap, v1Gap) = WriteRoundTrips();
        Row("server process peak RSS (kernels not included)", Mib(j.PeakResidentBytes), Mib(q.PeakResidentBytes), string.Empty, "recorded");
        output.WriteLine();
        output.WriteLine(Invariant($"The kernel alone (python3 started by Quire's kernel manager, no server): `1+1` over ZeroMQ p50 {Ms(P50(kernelAlone))}, p99 {Ms(P99(kernelAlone))} ({kernelAlone.Count} executes)."));
        output.WriteLine($"WebSocket protocol chosen when v1 is offered: jupyter_server {j.V1Answer ?? "legacy"}, Quire {q.V1Answer ?? "legacy"}.");
        output.WriteLine("Ratios: jupyter_server time ÷ Quire time (requests/s: Quire ÷ jupyter_server); higher is better for Quire.");
        output.WriteLine();
        WriteCpuTable(notebooks);
        output.WriteLine();
        WriteTargets(legacyGap, v1Gap);
    }

    private void WriteContents(List<NotebookCase> notebooks)
    {
        foreach (var notebook in notebooks)
        {
            _contents.Add(Time($"GET {notebook.Label} notebook (median)", j.Get[notebook.Name], q.Get[notebook.Name], Samples.Median, "≥ 10×", r => r >= 10));
            _contents.Add(Time($"PUT {notebook.Label} notebook (median)", j.Put[notebook.Name], q.Put[notebook.Name], Samples.Median, "≥ 10×", r => r >= 10));
        }
    }

    private void WriteConcurrentGets(NotebookCase concurrent)
    {
        var rateJ = Samples.Median(j.RequestsPerSecond);
        var rateQ = Samples.Median(q.RequestsPerSecond);
        _rateRatio = rateQ / rateJ;
        Row(Invariant($"concurrent GETs of {concurrent.Label}, {settings.Workers} workers (requests/s, median of rounds)"),
            Invariant($"{rateJ:0}"), Invariant($"{rateQ:0}"), Ratio(_rateRatio), Verdict("≥ 20×", _rateRatio >= 20));
        Time("concurrent GETs: server CPU per request (median of rounds)", j.ServerCpuPerRequest, q.ServerCpuPerRequest, Samples.Median);
        Time("concurrent GETs: client CPU per request (same client code)", j.ClientCpuPerRequest, q.ClientCpuPerRequest, Samples.Median);
        Time("concurrent GET latency p50", j.ConcurrentLatency, q.ConcurrentLatency, P50);
        Time("concurrent GET latency p99", j.ConcurrentLatency, q.ConcurrentLatency, P99);
    }

    private void WriteKernelStarts()
    {
        var n = settings.Kernels;
        Time($"{n} kernels at once: every POST answered (median)", j.AllPosted, q.AllPosted, Samples.Median);
        (_, _startRatio) = Time($"{n} kernels at once: every one idle on its WebSocket (median)", j.AllIdle, q.AllIdle, Samples.Median, "≥ 1× (no slower)", r => r >= 1);
        Row("… of which GET /api/kernels/{id} said idle at that moment (per round)", string.Join(", ", j.RestIdle), string.Join(", ", q.RestIdle), string.Empty, string.Empty);
        Row($"… POSTs answered with a 5xx (retried at once; of {n * settings.Rounds} kernels)", Failures(j), Failures(q), string.Empty, string.Empty);
        Row("… WebSockets that took over 10 s to open", Slow(j), Slow(q), string.Empty, string.Empty);
        Row("… kernel_info_requests re-sent (no reply and idle within 10 s)", Invariant($"{j.KernelInfoResends}"), Invariant($"{q.KernelInfoResends}"), string.Empty, string.Empty);
        Time($"{n} kernels deleted at once (median)", j.AllDeleted, q.AllDeleted, Samples.Median);
    }

    private (double Legacy, double V1) WriteRoundTrips()
    {
        Time("`1+1` legacy WebSocket p50", j.Legacy, q.Legacy, P50);
        Time("`1+1` legacy WebSocket p99", j.Legacy, q.Legacy, P99);
        Time("`1+1` v1 WebSocket p50", j.V1, q.V1, P50);
        Time("`1+1` v1 WebSocket p99", j.V1, q.V1, P99);
        Time("`1+1` ZeroMQ to the same kernel p50", j.ZeroMq, q.ZeroMq, P50);
        Time("`1+1` ZeroMQ to the same kernel p99", j.ZeroMq, q.ZeroMq, P99);
        return (Gap("legacy", j.Legacy, q.Legacy), Gap("v1", j.V1, q.V1));
    }

    private double Gap(string protocol, List<double> jWebSocket, List<double> qWebSocket)
    {
        var gapJ = P50(jWebSocket) - P50(j.ZeroMq);
        var gapQ = P50(qWebSocket) - P50(q.ZeroMq);
        Row($"{protocol} WebSocket p50 − ZeroMQ p50", Signed(gapJ), Signed(gapQ), string.Empty, Verdict("≤ 1 ms", gapQ <= 1));
        return gapQ;
    }

    private void WriteCpuTable(List<NotebookCase> notebooks)
    {
        output.WriteLine("CPU time of the server process per operation (mean of all passes; /proc counts 10 ms ticks), less sensitive to other load than wall time:");
        output.WriteLine();
        output.WriteLine("| operation | jupyter_server | Quire | ratio |");
        output.WriteLine("|---|---|---|---|");
        foreach (var notebook in notebooks)
        {
            CpuRow($"GET {notebook.Label}", j.GetCpu[notebook.Name], q.GetCpu[notebook.Name]);
            CpuRow($"PUT {notebook.Label}", j.PutCpu[notebook.Name], q.PutCpu[notebook.Name]);
        }
    }

    private void CpuRow(string operation, List<double> reference, List<double> quire)
    {
        var cpuJ = reference.Average();
        var cpuQ = quire.Average();
        output.WriteLine($"| {operation} | {Ms(cpuJ)} | {Ms(cpuQ)} | {Ratio(cpuJ / cpuQ)} |");
    }

    private void WriteTargets(double legacyGap, double v1Gap)
    {
        var worst = _contents.MinBy(c => c.Ratio);
        var rateJ = Samples.Median(j.RequestsPerSecond);
        var rateQ = Samples.Median(q.RequestsPerSecond);
        output.WriteLine(Invariant($"- Contents operations at least 10× faster: {Met(worst.Ratio >= 10)} (lowest: {worst.Name}, {worst.Ratio:0.0}×; highest {_contents.Max(c => c.Ratio):0.0}×)."));
        output.WriteLine(Invariant($"- Concurrent GET throughput at least 20× jupyter_server's: {Met(_rateRatio >= 20)} ({_rateRatio:0.0}×: {rateQ:0} against {rateJ:0} requests/s)."));
        output.WriteLine(
            $"- WebSocket round trip within 1 ms of the kernel's ZeroMQ round trip (p50): {Met(legacyGap <= 1 && v1Gap <= 1)} " +
            $"(Quire: legacy {Signed(legacyGap)}, v1 {Signed(v1Gap)}; jupyter_server: legacy {Signed(P50(j.Legacy) - P50(j.ZeroMq))}, " +
            $"v1 {Signed(P50(j.V1) - P50(j.ZeroMq))}; Quire against the kernel alone: legacy {Signed(P50(q.Legacy) - P50(kernelAlone))}, " +
            $"v1 {Signed(P50(q.V1) - P50(kernelAlone))}).");
        output.WriteLine(Invariant($"- {settings.Kernels} concurrent kernel starts no slower: {Met(_startRatio >= 1)} ({Ms(Samples.Median(q.AllIdle))} against {Ms(Samples.Median(j.AllIdle))}, {_startRatio:0.00}×)."));
    }

    private (string Name, double Ratio) Time(
        string measure, List<double> reference, List<double> quire, Func<List<double>, double> statistic, string target = "", Func<double, bool>? met = null)
    {
        var p = statistic(reference);
        var r = statistic(quire);
        var ratio = p / r;
        Row(measure, Ms(p), Ms(r), Ratio(ratio), met is null ? target : Verdict(target, met(ratio)));
        return (measure, ratio);
    }

    private void Row(string measure, string reference, string quire, string ratio, string target) =>
        output.WriteLine($"| {measure} | {reference} | {quire} | {ratio} | {target} |");

    // The count, and the distinct reasons by their last line (a kernel's traceback ends with the exception).
    private static string Failures(ServerFigures figures) =>
        figures.StartFailures.Count == 0 ? "0"
        : $"{figures.StartFailures.Count}: " + string.Join("; ", figures.StartFailures
            .Select(f => f.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? f)
            .Select(l => l.Replace("|", "\\|", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(3));

    private static string Slow(ServerFigures figures) =>
        figures.SlowConnects.Count == 0 ? "0" : $"{figures.SlowConnects.Count} ({string.Join(", ", figures.SlowConnects.Select(Ms))})";

    private static double P50(IReadOnlyCollection<double> values) => Samples.Percentile(values, 50);

    private static double P99(IReadOnlyCollection<double> values) => Samples.Percentile(values, 99);

    private static string Verdict(string target, bool met) => met ? $"{target}: met" : $"{target}: **not met**";

    private static string Met(bool met) => met ? "met" : "**not met**";

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "n/a"
        : milliseconds >= 100 ? Invariant($"{milliseconds:0} ms")
        : milliseconds >= 1 ? Invariant($"{milliseconds:0.00} ms")
        : Invariant($"{milliseconds:0.000} ms");

    // NaN (a protocol the server did not offer) compares false: such a gap never counts as met.
    private static string Signed(double milliseconds) =>
        double.IsNaN(milliseconds) ? "n/a" : Math.Round(milliseconds, 2) is var rounded && rounded < 0 ? Invariant($"−{-rounded:0.00} ms") : Invariant($"+{rounded:0.00} ms");

    private static string Ratio(double ratio) => double.IsNaN(ratio) ? "n/a" : Invariant($"{ratio:0.0}×");

    private static string Mib(long bytes) => Invariant($"{bytes / 1048576.0:0} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
