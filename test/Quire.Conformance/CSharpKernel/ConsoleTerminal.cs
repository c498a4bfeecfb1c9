using System.Diagnostics;
using System.Globalization;

namespace Quire.Conformance.CSharpKernel;

/// <summary>
/// A detached tmux session on a private server running one command: a real terminal for <c>jupyter console</c>.
/// tmux has no events to wait on, so <see cref="WaitForScreenAsync"/> polls the screen in short steps up to a deadline.
/// </summary>
internal sealed class ConsoleTerminal : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly string _socket = "quire-conf-" + Guid.NewGuid().ToString("N")[..12];

    public static bool IsAvailable => File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux");

    /// <summary>Starts <paramref name="command"/> (argv) with <paramref name="environment"/> added, in a 120x40 terminal.</summary>
    public static async Task<ConsoleTerminal> StartAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var terminal = new ConsoleTerminal();
        var args = new List<string> { "new-session", "-d", "-s", "t", "-x", "120", "-y", "40" };
        foreach (var (name, value) in environment)
        {
            args.AddRange(["-e", $"{name}={value}"]);
        }

        // remain-on-exit keeps the screen readable when the command fails at start.
        args.AddRange(command);
        await terminal.TmuxAsync(cancellationToken, [.. args]);
        await terminal.TmuxAsync(cancellationToken, "set-option", "-t", "t", "remain-on-exit", "on");
        return terminal;
    }

    public Task TypeAsync(string text, CancellationToken cancellationToken) => TmuxAsync(cancellationToken, "send-keys", "-t", "t", "-l", text);

    public Task PressAsync(string key, CancellationToken cancellationToken) => TmuxAsync(cancellationToken, "send-keys", "-t", "t", key);

    public Task<string> ScreenAsync(CancellationToken cancellationToken) => TmuxAsync(cancellationToken, "capture-pane", "-p", "-t", "t");

    /// <summary>The screen once <paramref name="expected"/> holds for it; fails with <paramref name="what"/> and the screen.</summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> expected, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screen = await ScreenAsync(cancellationToken);
            if (expected(screen))
            {
                return screen;
            }

            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"expected {what} within {timeout.TotalSeconds:0} s; the screen was:\n{screen}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The process id of the command the terminal runs.</summary>
    public async Task<int> CommandProcessIdAsync(CancellationToken cancellationToken) =>
        int.Parse((await TmuxAsync(cancellationToken, "list-panes", "-t", "t", "-F", "#{pane_pid}")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>The direct children of <paramref name="pid"/>, as Linux lists them.</summary>
    public static IReadOnlyList<int> ChildrenOf(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? [.. File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>
    /// Waits until <paramref name="pid"/> has exited (gone, or a zombie not yet reaped). tmux's own "Pane is dead"
    /// can lag the exit by many seconds, or never come, when another process still holds the terminal; the process
    /// table is the ground truth.
    /// </summary>
    public static async Task WaitForExitAsync(int pid, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"expected {what} (pid {pid}) to exit within {timeout.TotalSeconds:0} s; it was still running");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync(CancellationToken.None, "kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            // /proc/PID/stat is "PID (COMM) STATE ..."; COMM may hold spaces, so the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    private async Task<string> TmuxAsync(CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-L", _socket, "-f", "/dev/null", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {(await error).Trim()}");
        }

        return await output;
    }
}
