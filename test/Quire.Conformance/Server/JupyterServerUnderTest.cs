using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Server;

/// <summary>
/// Debian's <c>jupyter-server</c> (1.23, <c>/usr/bin/python3 -m jupyter_server</c>): the reference the client
/// scenarios are proven against, so that a scenario failing against Quire is Quire's fault, not the scenario's.
/// </summary>
public sealed partial class JupyterServerUnderTest : ServerUnderTest
{
    private const int PortAttempts = 3;
    private static readonly string[] Modules = ["jupyter_server", "ipykernel"];

    public override string Name => "jupyter-server";

    public override void RequireComponents()
    {
        var missing = Modules.Where(m => !PythonEnvironment.HasModule(m)).ToList();
        Requirement.Satisfy(
            !PythonEnvironment.HasInterpreter ? $"{PythonEnvironment.InterpreterPath} was not found"
            : missing.Count > 0 ? $"{PythonEnvironment.InterpreterPath} cannot import {string.Join(", ", missing)}"
            : null,
            "the reference server is Debian's jupyter-server with ipykernel (apt-get install python3-jupyter-server python3-ipykernel)");
    }

    internal override async Task<(ServerProcess Process, Uri BaseUrl)> LaunchAsync(
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // jupyter_server 1.23 prints port 0 when asked for it, not the port it bound: pick a free port here, and pick
        // again in the rare case another process takes it first.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            string[] arguments =
            [
                "-m", "jupyter_server",
                "--no-browser",
                "--allow-root",
                "--ServerApp.ip=127.0.0.1",
                $"--ServerApp.port={port}",
                "--ServerApp.port_retries=0",
                $"--ServerApp.root_dir={RootDirectory}",
                // Deletes are permanent, as Quire's: nothing goes to the user's trash.
                "--FileContentsManager.delete_to_trash=False",
            ];
            var withToken = new Dictionary<string, string>(environment, StringComparer.Ordinal) { ["JUPYTER_TOKEN"] = Token };
            try
            {
                var (process, ready) = await ServerProcess.StartAsync(
                    PythonEnvironment.InterpreterPath, arguments, withToken, ListeningLine(), timeout, cancellationToken).ConfigureAwait(false);
                return (process, new Uri($"http://127.0.0.1:{ready.Groups["port"].Value}/"));
            }
            catch (InvalidOperationException ex) when (attempt < PortAttempts && ex.Message.Contains("no available port", StringComparison.Ordinal))
            {
                // Lost the race for the port: try another.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // "[I 2026-01-01 00:00:00.000 ServerApp]  or http://127.0.0.1:PORT/?token=..." once it listens.
    [GeneratedRegex(@"http://127\.0\.0\.1:(?<port>[1-9][0-9]*)/")]
    private static partial Regex ListeningLine();
}
