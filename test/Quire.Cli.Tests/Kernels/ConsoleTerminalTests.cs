using System.Text.RegularExpressions;
using Quire.Cli.Tests.Infrastructure;

namespace Quire.Cli.Tests.Kernels;

/// <summary>The interactive <c>quire console</c>, end to end: the built quire in a real terminal (tmux) on a real ipykernel.</summary>
public sealed class ConsoleTerminalTests
{
    private static readonly TimeSpan KernelStart = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Reaction = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repl_Executes_Completes_AndExitsOnCtrlD()
    {
        TestRequirements.Ipykernel();
        TestRequirements.Tmux();
        var quire = Path.Combine(AppContext.BaseDirectory, "quire.dll");
        Assert.True(File.Exists(quire), $"the test build should have copied quire.dll to {AppContext.BaseDirectory}");
        await using var tmux = await TmuxSession.StartAsync(120, 30, Ct);

        await tmux.TypeAsync($"dotnet '{quire}' console --kernel python3; echo \"quire-exit=$?\"", Ct);
        await tmux.PressAsync("Enter", Ct);
        await tmux.WaitForScreenAsync(s => s.Contains("In [1]:", StringComparison.Ordinal), "the first prompt, In [1]:", KernelStart, Ct);

        await tmux.TypeAsync("x = 21", Ct);
        await tmux.PressAsync("Enter", Ct);
        await tmux.WaitForScreenAsync(s => s.Contains("In [2]:", StringComparison.Ordinal), "the prompt after x = 21, In [2]:", Reaction, Ct);
        await tmux.TypeAsync("x*2", Ct);
        await tmux.PressAsync("Enter", Ct);
        await tmux.WaitForScreenAsync(s => s.Contains("Out[2]: 42", StringComparison.Ordinal), "the result Out[2]: 42", Reaction, Ct);
        await tmux.WaitForScreenAsync(s => s.Contains("In [3]:", StringComparison.Ordinal), "the prompt In [3]:", Reaction, Ct);

        await tmux.TypeAsync("import o", Ct);
        await tmux.PressAsync("Tab", Ct);
        var listed = await tmux.WaitForScreenAsync(
            s => s.Split('\n').Any(line => !line.Contains("import", StringComparison.Ordinal) && Regex.IsMatch(line, @"(^|\s)os(\s|$)")),
            "a list of completions of 'import o' that includes os", Reaction, Ct);
        Assert.Contains("operator", listed, StringComparison.Ordinal);

        // Ctrl+C drops the line, Ctrl+D on the empty line that follows quits.
        await tmux.PressAsync("C-c", Ct);
        await tmux.WaitForScreenAsync(s => s.TrimEnd().EndsWith("In [3]:", StringComparison.Ordinal), "an empty In [3]: prompt after Ctrl+C", Reaction, Ct);
        await tmux.PressAsync("C-d", Ct);
        await tmux.WaitForScreenAsync(s => s.Contains("quire-exit=0", StringComparison.Ordinal), "quire to exit with 0 after Ctrl+D", Reaction, Ct);
    }
}
