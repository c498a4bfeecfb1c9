using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Quire.Web.Tests.Infrastructure;

/// <summary>
/// Runs one scenario script of web/e2e/ with node against a server and returns its report (the last stdout line).
/// The token travels in JUPYTER_TOKEN, never on the command line.
/// </summary>
internal static class ScenarioRunner
{
    public static async Task<ScenarioReport> RunAsync(string scenario, QuireServe server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var web = WebEnvironment.WebDirectory ?? throw new InvalidOperationException("the repository's web/ folder was not found");
        var artifacts = WebEnvironment.ArtifactDirectory(scenario);
        var start = new ProcessStartInfo(WebEnvironment.FindOnPath("node") ?? "node")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "e2e", $"{scenario}.mjs"));
        start.ArgumentList.Add(server.BaseUrl.ToString());
        start.ArgumentList.Add(artifacts);
        start.Environment["JUPYTER_TOKEN"] = server.Token;
        start.Environment["CHROMIUM"] = WebEnvironment.Chromium;

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scenario {scenario} did not finish within {timeout.TotalSeconds:0} s; it was expected to print its report. stderr:\n{Tail(stderr)}\nserver:\n{server.OutputTail}");
        }

        // The asynchronous readers may still be delivering the last lines.
        process.WaitForExit();
        var lastLine = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (lastLine is null || !lastLine.StartsWith('{'))
        {
            throw new InvalidOperationException($"scenario {scenario} exited with {process.ExitCode} without a JSON report. stderr:\n{Tail(stderr)}");
        }

        var report = JsonSerializer.Deserialize<ScenarioReport>(lastLine, ScenarioReport.JsonOptions)
            ?? throw new InvalidOperationException($"scenario {scenario} printed an empty report");
        return report with { Artifacts = artifacts, Stderr = Tail(stderr), ServerOutput = server.OutputTail };
    }

    private static string Tail(StringBuilder text)
    {
        lock (text)
        {
            var s = text.ToString();
            return s.Length <= 4000 ? s : s[^4000..];
        }
    }
}
