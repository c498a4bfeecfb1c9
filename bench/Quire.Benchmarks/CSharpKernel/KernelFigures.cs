namespace Quire.Benchmarks.CSharpKernel;

/// <summary>Everything measured of one kernel, pooled over the rounds (milliseconds, MiB/s, bytes).</summary>
internal sealed class KernelFigures(LanguageSamples samples)
{
    public LanguageSamples Samples { get; } = samples;

    public List<double> KernelInfo { get; } = [];

    public List<double> FirstExecute { get; } = [];

    public List<double> Trivial { get; } = [];

    /// <summary><c>1+N</c> with a new N each time: what a cell costs when it was never run before.</summary>
    public List<double> DistinctTrivial { get; } = [];

    public List<double> FiftyLines { get; } = [];

    public List<double> Complete { get; } = [];

    /// <summary>Completion where the code before the word changed since the last request (no editor session to reuse).</summary>
    public List<double> CompleteFresh { get; } = [];

    public List<double> Interrupt { get; } = [];

    public List<double> StreamRate { get; } = [];

    /// <summary>CPU seconds the kernel, and the client, spent on one print.</summary>
    public List<(double Kernel, double Client)> StreamCpu { get; } = [];

    public List<double> IdleResident { get; } = [];

    /// <summary>The value at <paramref name="percent"/> of the sorted samples (nearest rank below, as the other benchmarks do).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(percent / 100 * sorted.Count))];
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
