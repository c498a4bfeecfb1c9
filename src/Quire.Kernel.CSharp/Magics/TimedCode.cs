using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Quire.Kernel.CSharp.Magics;

/// <summary>
/// Rewrites a cell so that it times itself (<c>%time</c>, <c>%%time</c>). Text is only inserted within lines, never
/// as new lines before user code, so diagnostics and stack traces keep the cell's own line numbers; the trailing
/// expression stays last, so the cell keeps its value.
/// </summary>
internal static class TimedCode
{
    public const string TimerVariable = "__quireTimer";
    private const string TimerType = "global::Quire.Kernel.CSharp.Magics.CellTimer";

    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static string Wrap(string code)
    {
        var root = (CompilationUnitSyntax)SyntaxFactory.ParseSyntaxTree(code, ScriptOptions).GetRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count == 0)
        {
            // Only declarations (types, methods): nothing runs, but the cell still reports its (empty) time.
            return $"{code}\n{TimerType}.Start().Stop();";
        }

        var start = $"var {TimerVariable} = {TimerType}.Start(); ";
        var first = statements[0].SpanStart;
        if (root.Members[^1] is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing })
        {
            var expression = trailing.Expression;
            var wrapped = Awaits(expression)
                ? $"await {TimerVariable}.StopAsync(async () => {expression})"
                : $"{TimerVariable}.Stop(() => {expression})";
            var withValue = string.Concat(code.AsSpan(0, expression.SpanStart), wrapped, code.AsSpan(expression.Span.End));
            return withValue.Insert(first, start);
        }

        return $"{code.Insert(first, start)}\n{TimerVariable}.Stop();";
    }

    /// <summary>Whether the expression awaits at its own level (not only inside a lambda or local function it defines).</summary>
    private static bool Awaits(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf(node => node is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .OfType<AwaitExpressionSyntax>()
            .Any();
}
