using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Quire.Kernel.CSharp.Magics;

/// <summary>
/// The clock of a <c>%time</c> / <c>%%time</c> cell. The dispatcher rewrites the cell to start one before its first
/// statement and to stop it around its last: the trailing expression is passed as a lambda so that its value is
/// still the cell's result. The report goes to <see cref="Console.Out"/>, the cell's stdout, after its own output.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CellTimer
{
    private readonly long _start;

    private CellTimer(long start) => _start = start;

    public static CellTimer Start() => new(Stopwatch.GetTimestamp());

    public void Stop() => Report();

    public void Stop(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        action();
        Report();
    }

    public T Stop<T>(Func<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = value();
        Report();
        return result;
    }

    public async Task StopAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await action().ConfigureAwait(false);
        Report();
    }

    public async Task<T> StopAsync<T>(Func<Task<T>> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = await value().ConfigureAwait(false);
        Report();
        return result;
    }

    /// <summary>"12.3 ms", "4.56 s", "812 µs": three significant digits, as IPython's <c>%time</c> prints them.</summary>
    public static string Format(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        var (value, unit) = seconds switch
        {
            >= 1 => (seconds, "s"),
            >= 1e-3 => (seconds * 1e3, "ms"),
            >= 1e-6 => (seconds * 1e6, "µs"),
            _ => (seconds * 1e9, "ns"),
        };
        var text = value < 1000 ? value.ToString("G3", CultureInfo.InvariantCulture) : value.ToString("F0", CultureInfo.InvariantCulture);
        return $"{text} {unit}";
    }

    private void Report() => Console.Out.WriteLine($"Wall time: {Format(Stopwatch.GetElapsedTime(_start))}");
}
