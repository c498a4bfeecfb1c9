namespace Quire.Benchmarks.Server;

/// <summary>Order statistics over timings (nearest rank, as the messaging benchmark's report).</summary>
internal static class Samples
{
    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    public static double Percentile(IReadOnlyCollection<double> values, double percent)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(percent / 100 * sorted.Length))];
    }
}
