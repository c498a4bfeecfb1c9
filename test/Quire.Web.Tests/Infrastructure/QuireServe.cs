using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Quire.Web.Tests.Infrastructure;

/// <summary>
/// <c>dotnet quire.dll serve</c> on a random port over a fresh temporary root with a fresh token, as a user runs it;
/// disposal kills it with its kernels and deletes the root.
/// </summary>
internal sealed partial class QuireServe : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private QuireServe(Process process, string root, string token)
    {
        _process = process;
        Root = root;
        Token = token;
    }

    public string Root { get; }

    public string Token { get; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public string OutputTail
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static async Task<QuireServe> StartAsync(CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("quire-web-e2e-").FullName;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[WebEnvironment.QuireAssembly, "serve", "--root", root, "--ip", "127.0.0.1", "--port", "0", "--token", token])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new QuireServe(new Process { StartInfo = start }, root, token);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        _ = server._process.WaitForExitAsync(CancellationToken.None).ContinueWith(
            _ => server._url.TrySetException(new InvalidOperationException($"quire serve exited before announcing its URL:\n{server.OutputTail}")),
            TaskScheduler.Default);
        try
        {
            server.BaseUrl = await server._url.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (TimeoutException)
        {
            var tail = server.OutputTail;
            await server.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"quire serve did not print its URL (…/?token=) within 60 s. Its output:\n{tail}");
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

            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A kernel may still hold a file for a moment; the temp folder is cleaned by the system later.
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _url.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"(?<url>https?://[^\s?]+/)\?token=")]
    private static partial Regex ListeningLine();
}
