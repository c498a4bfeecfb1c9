using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.CSharpKernel;

/// <summary><c>jupyter console --kernel csharp</c> (Debian's jupyter-console) in a real terminal, with the installed kernelspec.</summary>
public sealed class JupyterConsoleTests(InstalledCSharpKernel kernel) : IClassFixture<InstalledCSharpKernel>
{
    private const string JupyterConsole = "/usr/bin/jupyter-console";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OnePlusOne_PrintsOut1_2_AndExitQuits()
    {
        RequireConsole();
        var ct = TestContext.Current.CancellationToken;
        var environment = await kernel.EnvironmentAsync(ct);

        await using var terminal = await ConsoleTerminal.StartAsync([JupyterConsole, "--kernel", InstalledCSharpKernel.KernelName], environment, ct);
        await terminal.WaitForScreenAsync(s => s.Contains("In [1]:", StringComparison.Ordinal), "the first prompt In [1]:", StartTimeout, ct);
        var console = await terminal.CommandProcessIdAsync(ct);
        var kernels = ConsoleTerminal.ChildrenOf(console);
        Assert.True(kernels.Count == 1, $"expected jupyter console (pid {console}) to have started one kernel process; it has {kernels.Count}");
        await terminal.TypeAsync("1+1", ct);
        await terminal.PressAsync("Enter", ct);
        var screen = await terminal.WaitForScreenAsync(s => s.Contains("In [2]:", StringComparison.Ordinal), "the result and the prompt In [2]:", ReplyTimeout, ct);

        Assert.Contains(screen.Split('\n'), l => l.Trim() == "Out[1]: 2");
        Assert.Contains("Quire C# kernel", screen, StringComparison.Ordinal);

        // Ctrl+D asks for confirmation; the kernel is shut down with the console, not left behind.
        await terminal.PressAsync("C-d", ct);
        await terminal.WaitForScreenAsync(s => s.Contains("exit", StringComparison.OrdinalIgnoreCase) && s.Contains("([y]/n)", StringComparison.Ordinal), "the exit confirmation", ReplyTimeout, ct);
        await terminal.TypeAsync("y", ct);
        await terminal.PressAsync("Enter", ct);
        await ConsoleTerminal.WaitForExitAsync(console, "jupyter console", ReplyTimeout, ct);
        await ConsoleTerminal.WaitForExitAsync(kernels[0], "the C# kernel jupyter console shut down", ReplyTimeout, ct);
    }

    private static void RequireConsole()
    {
        var problem = !File.Exists(JupyterConsole) ? $"{JupyterConsole} was not found (Debian: apt-get install jupyter-console)"
            : !ConsoleTerminal.IsAvailable ? "tmux was not found (Debian: apt-get install tmux)"
            : null;
        if (problem is null)
        {
            return;
        }

        if (PythonEnvironment.IsCi)
        {
            Assert.Fail($"{problem}. On CI (CI=true) a missing component is a failure, not a skip.");
        }

        Assert.Skip(problem);
    }
}
