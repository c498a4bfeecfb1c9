using System.IO.Pipes;
using System.Text.RegularExpressions;
using Quire.Cli.Hosting;
using Quire.Cli.Tests.Infrastructure;
using static Quire.Cli.Tests.Run.RunNotebooks;

namespace Quire.Cli.Tests.Run;

/// <summary>
/// Ctrl+C during <c>quire run</c>: Program.cs turns the first SIGINT into cancellation of the command's token. The
/// first test cancels that token in process; the second presses Ctrl+C in a real terminal, as a user does.
/// </summary>
public sealed partial class RunInterruptTests
{
    [Fact]
    public async Task CtrlC_InATerminal_InterruptsTheKernel_WritesTheOutput_AndExits130()
    {
        TestRequirements.Ipykernel();
        TestRequirements.Tmux();
        var ct = TestContext.Current.CancellationToken;
        var quire = Path.Combine(AppContext.BaseDirectory, "quire.dll");
        Assert.True(File.Exists(quire), $"the test build should have copied quire.dll to {AppContext.BaseDirectory}");
        using var dir = new TempDirectory();
        var input = Write(dir.File("in.ipynb"), "python3", "python",
            Cell("import time\nprint('cell-' + 'started', flush=True)\ntime.sleep(120)"),
            Cell("print('never')"));
        await using var tmux = await TmuxSession.StartAsync(120, 40, ct);

        // The terminal sends SIGINT to its foreground process group: quire, not the kernel, which runs in a session of
        // its own; quire must interrupt it. The cell prints a word its source does not contain, so the echo of the
        // command line cannot be mistaken for it.
        await tmux.TypeAsync($"dotnet '{quire}' run '{input}' '{dir.File("out.ipynb")}' --log-output; echo \"quire-exit=$?\"", ct);
        await tmux.PressAsync("Enter", ct);
        await tmux.WaitForScreenAsync(s => s.Contains("cell-started", StringComparison.Ordinal), "the cell's output, cell-started", TimeSpan.FromSeconds(90), ct);
        await tmux.PressAsync("C-c", ct);
        var screen = await tmux.WaitForScreenAsync(s => ExitStatus().IsMatch(s), "quire run to exit after Ctrl+C (quire-exit=N)", TimeSpan.FromSeconds(60), ct);

        Assert.Equal("130", ExitStatus().Match(screen).Groups[1].Value);
        Assert.Contains("interrupted; the notebook up to there was written", screen, StringComparison.Ordinal);
        var output = Read(dir.File("out.ipynb"));
        Assert.Contains("KeyboardInterrupt", Text(output, 0), StringComparison.Ordinal);
        Assert.DoesNotContain("never", Text(output, 1), StringComparison.Ordinal);
        Assert.Equal("interrupted", output.Metadata.GetObject("quire")!.GetObject("run")!.GetString("status"));
    }

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

    // The command line on the screen reads quire-exit=$?; the shell's answer has the number.
    [GeneratedRegex(@"quire-exit=(\d+)")]
    private static partial Regex ExitStatus();
}
