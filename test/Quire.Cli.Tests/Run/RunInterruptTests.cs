using System.IO.Pipes;
using Quire.Cli.Hosting;
using Quire.Cli.Tests.Infrastructure;
using static Quire.Cli.Tests.Run.RunNotebooks;

namespace Quire.Cli.Tests.Run;

/// <summary>
/// Ctrl+C during <c>quire run</c>: Program.cs turns the first SIGINT into cancellation of the command's token, which is
/// what this test does, in process, once the cell is seen running.
/// </summary>
public sealed class RunInterruptTests
{
    [Fact]
    public async Task Cancelling_interrupts_the_kernel_writes_the_output_and_exits_130()
    {
        TestRequirements.Ipykernel();
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python",
            Cell("import time\nprint('started', flush=True)\ntime.sleep(120)"),
            Cell("print('never')"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var server = new AnonymousPipeServerStream(PipeDirection.In);
        using var client = new AnonymousPipeClientStream(PipeDirection.Out, server.ClientSafePipeHandle);
        using var stdin = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(stdin, client, error, colors: false);

        // --log-output echoes the cell's output to standard output: once "started" is there, the cell is running.
        var run = Task.Run(() => QuireCli.InvokeAsync(["run", input, dir.File("out.ipynb"), "--log-output"], console, cancel.Token), TestContext.Current.CancellationToken);
        using (var reader = new StreamReader(server))
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
            }
            while (line is not null && line != "started");
            Assert.True(line == "started", $"quire run ended before the cell printed 'started': {error}");
            await cancel.CancelAsync();
            var exit = await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.True(exit == ExitCodes.Interrupted, $"exit {exit}, expected 130\n{error}");
        }

        var output = Read(dir.File("out.ipynb"));
        Assert.Contains("started", Text(output, 0), StringComparison.Ordinal);
        Assert.Contains("KeyboardInterrupt", Text(output, 0), StringComparison.Ordinal);
        Assert.Equal("interrupted", output.Metadata.GetObject("quire")!.GetObject("run")!.GetString("status"));
        Assert.Contains("interrupted; the notebook up to there was written", error.ToString(), StringComparison.Ordinal);
    }
}
