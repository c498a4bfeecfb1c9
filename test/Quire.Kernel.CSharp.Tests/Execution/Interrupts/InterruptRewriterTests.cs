using Microsoft.CodeAnalysis.CSharp;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Execution.Interrupts;

namespace Quire.Kernel.CSharp.Tests.Execution.Interrupts;

public sealed class InterruptRewriterTests
{
    private const string Cell = """
        int F(int n) =>
            n < 2
                ? n
                : F(n - 1);
        var total = 0;
        for (var i = 0; i < 3; i++)
            total += F(i);
        while (total > 100)
        {
            total--;
        }
        int P { get => total; }
        """;

    [Fact]
    public void Rewrite_KeepsEveryLineWhereItWas()
    {
        var rewritten = InterruptRewriter.Rewrite(CSharpSyntaxTree.ParseText(Cell, CellCompiler.ParseOptions, cancellationToken: TestContext.Current.CancellationToken).GetRoot(TestContext.Current.CancellationToken)).ToFullString();

        var before = Cell.Split('\n');
        var after = rewritten.Split('\n');
        Assert.Equal(before.Length, after.Length);
        for (var line = 0; line < before.Length; line++)
        {
            // Every word of an original line is still on that line: checks are added, nothing moves.
            foreach (var word in System.Text.RegularExpressions.Regex.Matches(before[line], @"\w+").Select(m => m.Value))
            {
                Assert.Contains(word, after[line], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Rewrite_ChecksEveryLoopAndMethod()
    {
        var rewritten = InterruptRewriter.Rewrite(CSharpSyntaxTree.ParseText(Cell, CellCompiler.ParseOptions, cancellationToken: TestContext.Current.CancellationToken).GetRoot(TestContext.Current.CancellationToken)).ToFullString();

        Assert.Equal(2, Count(rewritten, "Interrupt.Check();"));
        Assert.Equal(2, Count(rewritten, "Interrupt.Enter();"));
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
