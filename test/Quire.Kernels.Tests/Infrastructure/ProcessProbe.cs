using System.Globalization;

namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>Looks at processes and this process's file descriptors through /proc.</summary>
internal static class ProcessProbe
{
    /// <summary>True when <paramref name="pid"/> names a process that has not exited (zombies count as exited).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// This process's open descriptors, less the assemblies and native libraries the runtime keeps open once it loaded
    /// them (code first used mid-test adds those; they are not something a kernel manager could leak).
    /// </summary>
    public static int OpenFileDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd").Count(fd => !IsLoadedCode(fd));

    private static bool IsLoadedCode(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget is { } target && (target.EndsWith(".dll", StringComparison.Ordinal) || target.EndsWith(".so", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>This process's descriptors counted by what they are (socket, pipe, anon_inode:[eventpoll], a path's folder).</summary>
    public static string DescribeFileDescriptors()
    {
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var fd in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            string kind;
            try
            {
                var target = new FileInfo(fd).LinkTarget ?? "?";
                kind = target.StartsWith('/') ? Path.GetDirectoryName(target) ?? target : target.Split(':')[0];
            }
            catch (IOException)
            {
                continue;
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value}"));
    }

    /// <summary>
    /// Waits for a condition that has no event to wait on (another process's exit, a socket closed by NetMQ's
    /// background reaper), checking every 50 ms; fails with <paramref name="expectation"/> after <paramref name="timeout"/>.
    /// </summary>
    public static Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string expectation) =>
        EventuallyAsync(condition, timeout, () => expectation);

    /// <summary>As above, with the failure message made when it fails (so that it shows the state at the deadline).</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, Func<string> expectation)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                Assert.Fail($"{expectation()} (not so after {timeout.TotalSeconds:0.#} s)");
            }

            await timer.WaitForNextTickAsync(TestContext.Current.CancellationToken);
        }
    }
}
