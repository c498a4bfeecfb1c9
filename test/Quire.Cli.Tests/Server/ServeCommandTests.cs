using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Server;

/// <summary><c>quire serve</c> as a user runs it: a separate process, stopped by a signal.</summary>
public sealed partial class ServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_PrintsItsUrlWithToken_AnswersTheApi_AndStopsCleanlyOnSigterm()
    {
        var ct = TestContext.Current.CancellationToken;
        using var root = new TempDirectory();
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "quire.dll"), "serve", "--port", "0", "--root", root.Path, "--token", "serve-test-token" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            var url = await ReadUrlAsync(process, ct);
            Assert.Equal("serve-test-token", QueryToken().Match(url.Query).Groups[1].Value);

            using var http = new HttpClient();
            using var refused = await http.GetAsync(new Uri(url, "/api/kernelspecs"), ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var answered = await http.GetAsync(new Uri(url, "/api/kernelspecs?token=serve-test-token"), ct);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Contains("\"csharp\"", await answered.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Patience);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<Uri> ReadUrlAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        var seen = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.Add(line);
                if (line.Trim() is { } trimmed && trimmed.StartsWith("http://", StringComparison.Ordinal))
                {
                    return new Uri(trimmed);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"quire serve printed no URL within {Patience}; it printed:\n{string.Join('\n', seen)}");
        }

        Assert.Fail($"quire serve exited without printing a URL; it printed:\n{string.Join('\n', seen)}\nstderr:\n{await process.StandardError.ReadToEndAsync(cancellationToken)}");
        return null!;
    }

    [GeneratedRegex("token=([^&]+)")]
    private static partial Regex QueryToken();
}
