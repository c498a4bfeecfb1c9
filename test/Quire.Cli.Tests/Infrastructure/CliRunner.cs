using System.Text;
using Quire.Cli.Hosting;

namespace Quire.Cli.Tests.Infrastructure;

/// <summary>Runs <c>quire</c> in process with in-memory standard streams.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, byte[]? stdin = null, CancellationToken cancellationToken = default)
    {
        using var input = new MemoryStream(stdin ?? []);
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(input, output, error, colors: false);
        var exit = await QuireCli.InvokeAsync(args, console, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await console.Out.FlushAsync(cancellationToken);
        return new CliResult(exit, output.ToArray(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);
}

internal sealed record CliResult(int ExitCode, byte[] StandardOutputBytes, string StandardError)
{
    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
