using System.Diagnostics;

namespace Quire.Cli.Tests.Infrastructure;

/// <summary>
/// A detached tmux session on a private server: a real terminal for end-to-end tests of interactive commands. tmux has
/// no events to wait on, so <see cref="WaitForScreenAsync"/> polls the screen in short steps up to a deadline.
/// </summary>
internal sealed class TmuxSession : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly string _socket = "quire-test-" + Guid.NewGuid().ToString("N")[..12];

    private TmuxSession()
    {
    }

    /// <summary>Starts a bare bash (no rc files) in a <paramref name="width"/> by <paramref name="height"/> terminal.</summary>
    public static async Task<TmuxSession> StartAsync(int width, int height, CancellationToken cancellationToken)
    {
        var session = new TmuxSession();
        await session.TmuxAsync(cancellationToken, "new-session", "-d", "-s", "t", "-x", $"{width}", "-y", $"{height}", "bash --norc --noprofile");
        return session;
    }

    public Task TypeAsync(string text, CancellationToken cancellationToken) => TmuxAsync(cancellationToken, "send-keys", "-t", "t", "-l", text);

    /// <summary>Named keys in tmux's spelling: Enter, Tab, C-c, C-d, Up.</summary>
    public Task PressAsync(string key, CancellationToken cancellationToken) => TmuxAsync(cancellationToken, "send-keys", "-t", "t", key);

    public Task<string> ScreenAsync(CancellationToken cancellationToken) => TmuxAsync(cancellationToken, "capture-pane", "-p", "-t", "t");

    /// <summary>The screen once <paramref name="expected"/> holds for it; fails with <paramref name="what"/> and the screen.</summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> expected, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // capture-pane drops trailing blanks: expect "In [1]:", not "In [1]: ".
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
