using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Quire.Conformance.Server;

/// <summary>
/// A server started as a child process: its output is kept (the last lines, for failure messages), the first line
/// matching a pattern is awaited with a timeout, and disposal kills the whole process tree, kernels included.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _description;
    private readonly Regex _ready;
    private readonly TaskCompletionSource<Match> _readyLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _lines = new();
    private readonly Lock _linesLock = new();
    private Task _exitWatch = Task.CompletedTask;

    private ServerProcess(Process process, string description, Regex ready)
    {
        _process = process;
        _description = description;
        _ready = ready;
    }

    /// <summary>The last lines the server wrote, stdout and stderr interleaved.</summary>
    public string OutputTail
    {
        get
        {
            lock (_linesLock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/> and waits for the first output line that
    /// matches <paramref name="ready"/>. Throws when the process exits first or the line does not come in time.
    /// </summary>
    public static async Task<(ServerProcess Server, Match ReadyLine)> StartAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        Regex ready,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var description = $"{Path.GetFileName(fileName)} {string.Join(' ', arguments.Take(3))}";
        var process = new Process { StartInfo = startInfo };
        var server = new ServerProcess(process, description, ready);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"`{description}` did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server._exitWatch = server.WatchExitAsync();
        try
        {
            var line = await server._readyLine.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return (server, line);
        }
        catch (TimeoutException)
        {
            // Settled now, so that the kill below does not leave an exception nobody observes.
            server._readyLine.TrySetCanceled(CancellationToken.None);
            await server.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException(
                $"`{description}` printed no line matching /{ready}/ within {timeout.TotalSeconds:0} s; it was expected to announce " +
                $"its URL once listening. Its output:\n{server.OutputTail}");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(ExitTimeout).ConfigureAwait(false);
            await _exitWatch.ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It never started, or exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_linesLock)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }

        if (!_readyLine.Task.IsCompleted && _ready.Match(line) is { Success: true } match)
        {
            _readyLine.TrySetResult(match);
        }
    }

    private async Task WatchExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (_readyLine.Task.IsCompleted)
        {
            return;
        }

        _readyLine.TrySetException(new InvalidOperationException(
            $"`{_description}` exited with {_process.ExitCode} before printing a line matching /{_ready}/. Its output:\n{OutputTail}"));
    }
}
