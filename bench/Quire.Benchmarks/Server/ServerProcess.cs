using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Quire.Benchmarks.Server;

/// <summary>
/// One server under test, in its own process as a user starts it, with its own root (a copy of the same notebooks),
/// Jupyter state directories and log file. Output goes to the log file through the shell, never through a pipe this
/// process would have to drain while it measures.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _log;
    private readonly string _state;

    private ServerProcess(string label, Process process, string log, string token, string state)
    {
        Label = label;
        _process = process;
        _log = log;
        _state = state;
        Token = token;
    }

    public string Label { get; }

    public string Token { get; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Debian's jupyter_server 1.23 (<c>/usr/bin/python3 -m jupyter_server</c>) with token authentication.</summary>
    public static async Task<ServerProcess> StartJupyterAsync(string root, string state, string token)
    {
        // jupyter_server 1.23 reports ':0' when it picks the port itself: pick a free one, and fail rather than retry.
        var port = FreePort();
        string[] argv =
        [
            "/usr/bin/python3", "-m", "jupyter_server", $"--ServerApp.token={token}", $"--port={port}", "--ServerApp.port_retries=0",
            "--ip=127.0.0.1", "--no-browser", "--allow-root", $"--ServerApp.root_dir={root}",
        ];
        var server = Launch("jupyter_server", argv, state, token);
        server.BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        await server.WaitReadyAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary><c>dotnet quire.dll serve</c> on a port of its choosing, read back from the URL it prints.</summary>
    public static async Task<ServerProcess> StartQuireAsync(string quireDll, string root, string state, string token)
    {
        string[] argv = ["dotnet", quireDll, "serve", "--port", "0", "--ip", "127.0.0.1", "--root", root, "--token", token];
        var server = Launch("Quire", argv, state, token);
        var started = Stopwatch.StartNew();
        while (true)
        {
            var match = ListeningUrl().Match(server.ReadLog());
            if (match.Success)
            {
                server.BaseUrl = new Uri($"http://127.0.0.1:{match.Groups[1].Value}/");
                break;
            }

            server.ThrowIfGone(started, "print the URL it serves on");
            await Task.Delay(50).ConfigureAwait(false);
        }

        await server.WaitReadyAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>The server process's peak resident memory (VmHWM), kernels not included.</summary>
    public long PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>CPU time the server process has used so far (user + system; its kernels are other processes).</summary>
    public TimeSpan CpuTime()
    {
        // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, after the parenthesised name.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: both servers shut their kernels down on the way out (Process.Kill would orphan them).
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"{Label} did not stop within 30 s of SIGTERM; killed");
                _process.Kill(entireProcessTree: true);
            }
        }

        File.Delete(Path.Combine(_state, "server.pid"));
        _process.Dispose();
    }

    private static ServerProcess Launch(string label, string[] argv, string state, string token)
    {
        var log = Path.Combine(state, "server.log");
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var argument in (string[])["-c", "exec \"$@\" </dev/null >\"$QUIRE_BENCH_LOG\" 2>&1", "sh", .. argv])
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["QUIRE_BENCH_LOG"] = log;
        // Each server keeps its connection files, notebook signatures and settings to itself.
        foreach (var (variable, folder) in new[] { ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"), ("JUPYTER_CONFIG_DIR", "config"), ("IPYTHONDIR", "ipython") })
        {
            startInfo.Environment[variable] = Directory.CreateDirectory(Path.Combine(state, folder)).FullName;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {label}");
        // For run.sh's clean-up should this process die without stopping the server (Ctrl+C).
        File.WriteAllText(Path.Combine(state, "server.pid"), process.Id.ToString(CultureInfo.InvariantCulture));
        return new ServerProcess(label, process, log, token, state);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, "api/status"));
                request.Headers.Add("Authorization", $"token {Token}");
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            ThrowIfGone(started, $"answer GET {BaseUrl}api/status");
            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private void ThrowIfGone(Stopwatch started, string expectation)
    {
        if (_process.HasExited || started.Elapsed > StartTimeout)
        {
            var what = _process.HasExited ? $"exited with {_process.ExitCode}" : $"did not {expectation} within {StartTimeout.TotalSeconds:0} s";
            throw new InvalidOperationException($"{Label} {what}; the end of its log ({_log}):\n{Tail(ReadLog(), 3000)}");
        }
    }

    private string ReadLog()
    {
        try
        {
            using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];

    [GeneratedRegex(@"http://127\.0\.0\.1:(\d+)/\?token=")]
    private static partial Regex ListeningUrl();
}
