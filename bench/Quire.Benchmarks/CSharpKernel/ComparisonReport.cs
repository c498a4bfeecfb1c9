using System.Globalization;

namespace Quire.Benchmarks.CSharpKernel;

/// <summary>The Markdown table for bench/RESULTS.md: medians (or percentiles), ratios, and each target's verdict.</summary>
internal static class ComparisonReport
{
    public static void Write(TextWriter output, KernelFigures reference, KernelFigures quire, int rounds, int streamMiB)
    {
        var p = reference;
        var q = quire;
        output.WriteLine(Invariant($"{rounds} interleaved rounds; per round and kernel: {p.KernelInfo.Count / rounds} fresh launches, then one kernel for {p.Trivial.Count / rounds} × `1+1`, {p.DistinctTrivial.Count / rounds} × `1+N`, {p.FiftyLines.Count / rounds} × the 50-line cell, {p.Complete.Count / rounds} + {p.CompleteFresh.Count / rounds} × complete_request, {p.Interrupt.Count / rounds} interrupts and {p.StreamRate.Count / rounds} prints of {streamMiB} MiB"));
        output.WriteLine();
        output.WriteLine($"| measure | {p.Samples.Label} | {q.Samples.Label} | ratio | target |");
        output.WriteLine("|---|---|---|---|---|");
        Time(output, "launch → kernel_info_reply (median)", p.KernelInfo, q.KernelInfo, KernelFigures.Median, "≥ 2×", r => r >= 2);
        var firstQuire = KernelFigures.Median(q.FirstExecute);
        Row(output, "launch → first `1+1` reply (median)", Ms(KernelFigures.Median(p.FirstExecute)), Ms(firstQuire), Ratio(KernelFigures.Median(p.FirstExecute) / firstQuire),
            Verdict("≤ 1 s", firstQuire <= 1000));
        Time(output, "`1+1` round trip p50", p.Trivial, q.Trivial, v => KernelFigures.Percentile(v, 50), "≥ 1×", r => r >= 1);
        Time(output, "`1+1` round trip p99", p.Trivial, q.Trivial, v => KernelFigures.Percentile(v, 99), string.Empty, null);
        Row(output, "`1+1` executes/s", Rate(p.Trivial), Rate(q.Trivial), string.Empty, string.Empty);
        Time(output, "`1+N`, a new cell each time, p50", p.DistinctTrivial, q.DistinctTrivial, v => KernelFigures.Percentile(v, 50), string.Empty, null);
        Time(output, "50-line cell p50", p.FiftyLines, q.FiftyLines, v => KernelFigures.Percentile(v, 50), string.Empty, null);
        var streamP = KernelFigures.Median(p.StreamRate);
        var streamQ = KernelFigures.Median(q.StreamRate);
        Row(output, Invariant($"print {streamMiB} MiB (median MiB/s)"), Invariant($"{streamP:0}"), Invariant($"{streamQ:0}"), Ratio(streamQ / streamP), Verdict("≥ 2×", streamQ / streamP >= 2));
        Row(output, "CPU seconds of the print: kernel + client (median)", Cpu(p.StreamCpu), Cpu(q.StreamCpu), string.Empty, string.Empty);
        Time(output, "complete_request p50", p.Complete, q.Complete, v => KernelFigures.Percentile(v, 50), "≥ 1×", r => r >= 1);
        Time(output, "complete_request, code before the word changed, p50", p.CompleteFresh, q.CompleteFresh, v => KernelFigures.Percentile(v, 50), string.Empty, null);
        Time(output, "interrupt of a busy loop → reply (median)", p.Interrupt, q.Interrupt, KernelFigures.Median, string.Empty, null);
        Row(output, "idle RSS after warm-up (median)", Mib(KernelFigures.Median(p.IdleResident)), Mib(KernelFigures.Median(q.IdleResident)), string.Empty, "recorded");
        output.WriteLine();
        output.WriteLine("Ratios: ipykernel time ÷ Quire time (throughput: Quire ÷ ipykernel); higher is better for Quire.");
    }

    private static void Time(TextWriter output, string measure, List<double> reference, List<double> quire, Func<List<double>, double> statistic, string target, Func<double, bool>? met)
    {
        var p = statistic(reference);
        var q = statistic(quire);
        var ratio = p / q;
        Row(output, measure, Ms(p), Ms(q), Ratio(ratio), met is null ? target : Verdict(target, met(ratio)));
    }

    private static void Row(TextWriter output, string measure, string reference, string quire, string ratio, string target) =>
        output.WriteLine($"| {measure} | {reference} | {quire} | {ratio} | {target} |");

    private static string Verdict(string target, bool met) => met ? $"{target}: met" : $"{target}: **not met**";

    private static string Ms(double milliseconds) => milliseconds >= 100 ? Invariant($"{milliseconds:0} ms") : Invariant($"{milliseconds:0.00} ms");

    private static string Ratio(double ratio) => Invariant($"{ratio:0.00}×");

    private static string Rate(List<double> milliseconds) => Invariant($"{1000 / milliseconds.Average():0}");

    private static string Cpu(List<(double Kernel, double Client)> cpu) =>
        Invariant($"{KernelFigures.Median([.. cpu.Select(c => c.Kernel)]):0.00} + {KernelFigures.Median([.. cpu.Select(c => c.Client)]):0.00}");

    private static string Mib(double bytes) => Invariant($"{bytes / 1048576:0} MiB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
