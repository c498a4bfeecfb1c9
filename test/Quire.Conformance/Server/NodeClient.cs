using System.Diagnostics;

namespace Quire.Conformance.Server;

/// <summary>
/// The Node.js client in <c>test/Quire.Conformance/Server/client</c>: scenarios written against npm's
/// <c>@jupyterlab/services</c> (JupyterLab's own client library), installed there by <c>npm ci</c>
/// (<c>eng/install-test-deps.sh</c>). The scenarios run from the source tree, where their <c>node_modules</c> is.
/// </summary>
internal static class NodeClient
{
    private const int MinimumNodeMajor = 18;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>The client's folder in the source tree, or null when the tests run outside a checkout.</summary>
    public static string? ClientDirectory { get; } = FindDirectory();

    /// <summary>Skips the test (fails it on CI) when Node.js, the client or its node_modules is missing.</summary>
    public static void Require() => Requirement.Satisfy(
        Problem.Value,
        "the server conformance tests need Node.js (Debian: apt-get install nodejs npm) and the client's packages " +
        "(eng/install-test-deps.sh runs `npm ci` in test/Quire.Conformance/Server/client)");

    /// <summary>
    /// Runs <c>node client/<paramref name="scenario"/>.mjs BASE_URL ARGS</c> with the token in <c>JUPYTER_TOKEN</c>;
    /// its exit code and output. Kills it and throws <see cref="TimeoutException"/> past <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string scenario,
        Uri baseUrl,
        string token,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var directory = ClientDirectory ?? throw new InvalidOperationException("the client directory was not found; call Require() first");
        var script = Path.Combine(directory, $"{scenario}.mjs");
        var startInfo = NodeStartInfo(directory, [script, baseUrl.AbsoluteUri, .. arguments]);
        startInfo.Environment["JUPYTER_TOKEN"] = token;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"`node {scenario}.mjs {baseUrl}` did not exit within {timeout.TotalSeconds:0} s; it was expected to run its checks and print a report");
        }
    }

    private static ProcessStartInfo NodeStartInfo(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The scenarios decide everything from their arguments: no inherited NODE_OPTIONS or page config.
        startInfo.Environment.Remove("NODE_OPTIONS");
        startInfo.Environment.Remove("JUPYTER_CONFIG_DATA");
        return startInfo;
    }

    private static string? FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "test", "Quire.Conformance", "Server", "client");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindProblem()
    {
        if (ClientDirectory is null)
        {
            return $"no test/Quire.Conformance/Server/client/package.json above {AppContext.BaseDirectory} (the tests must run from a checkout)";
        }

        foreach (var package in new[] { "@jupyterlab/services", "ws" })
        {
            if (!File.Exists(Path.Combine(ClientDirectory, "node_modules", package, "package.json")))
            {
                return $"{Path.Combine(ClientDirectory, "node_modules", package)} is missing";
            }
        }

        try
        {
            using var process = Process.Start(NodeStartInfo(ClientDirectory, ["--version"])) ?? throw new InvalidOperationException("node did not start");
            var version = process.StandardOutput.ReadToEndAsync().WaitAsync(ProbeTimeout).GetAwaiter().GetResult().Trim();
            process.WaitForExitAsync().WaitAsync(ProbeTimeout).GetAwaiter().GetResult();
            var major = version.TrimStart('v').Split('.')[0];
            return int.TryParse(major, System.Globalization.CultureInfo.InvariantCulture, out var m) && m >= MinimumNodeMajor
                ? null
                : $"node {version} is too old (the client needs fetch: Node.js {MinimumNodeMajor} or later)";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return $"node could not be run: {ex.Message}";
        }
    }
}
