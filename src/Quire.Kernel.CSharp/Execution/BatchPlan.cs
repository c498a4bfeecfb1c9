using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Which of the cells queued behind the running one compile together with it as one submission (a
/// <see cref="CellBatch"/>), and that submission's text. Only cells that mean the same in one submission as in a
/// chain of them go in: plain statements and variable declarations, no usings, directives, magics, methods or types,
/// no top-level <c>return</c>/<c>await</c>/labels; a trailing expression only if it cannot be void. The batch stops
/// before a cell that declares a name an earlier cell of it declares or uses (a chain would let the later cell hide
/// it; one submission would not, or would bind the earlier use to it). Names are compared by text, so the check errs
/// on the side of a shorter batch.
/// </summary>
internal sealed record BatchPlan(string Text, IReadOnlyList<string> Codes, IReadOnlyList<int> Ids)
{
    private const string Point = "global::Quire.Kernel.CSharp.Runtime.CellBatchPoint";

    // Characters of cell code in one batch at most: its compile delays the first cell's output.
    private const int MaxLength = 200_000;

    /// <summary>The cell file name a segment's frames and diagnostics carry (<c>cell#ID</c>), as for a cell of its own.</summary>
    public static string PathOf(int id) => $"{ScriptRunner.CellFileName}#{id}";

    /// <summary>
    /// A plan for <paramref name="first"/> and as many of the cells <paramref name="upcoming"/> gives as may follow it
    /// (asked only when <paramref name="first"/> qualifies); null when fewer than two cells qualify.
    /// </summary>
    public static BatchPlan? Create(long batch, string first, Func<IEnumerable<string>> upcoming, Func<int> nextId, CancellationToken cancellationToken)
    {
        if (Segment.Read(first, cancellationToken) is not { } head)
        {
            return null;
        }

        var segments = new List<Segment> { head };
        var declared = new HashSet<string>(head.Declares, StringComparer.Ordinal);
        var used = new HashSet<string>(head.Uses, StringComparer.Ordinal);
        var length = first.Length;
        foreach (var code in upcoming())
        {
            length += code.Length;
            if (length > MaxLength || Segment.Read(code, cancellationToken) is not { } segment
                || segment.Declares.Overlaps(declared) || segment.Declares.Overlaps(used))
            {
                break;
            }

            segments.Add(segment);
            declared.UnionWith(segment.Declares);
            used.UnionWith(segment.Uses);
        }

        if (segments.Count < 2)
        {
            return null;
        }

        var ids = segments.Select(_ => nextId()).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0)
            {
                text.Append("#line hidden\n").Append(Point).Append(".Next(").Append(batch).Append(");\n");
            }

            text.Append("#line 1 \"").Append(PathOf(ids[i])).Append("\"\n").Append(segments[i].Text(batch)).Append('\n');
        }

        return new BatchPlan(text.ToString(), [.. segments.Select(s => s.Code)], ids);
    }

    private sealed record Segment(string Code, ExpressionSyntax? Value, HashSet<string> Declares, HashSet<string> Uses)
    {
        public static Segment? Read(string code, CancellationToken cancellationToken)
        {
            // Magics are read before the first line of C# (MagicDispatcher): a cell that starts with one is not plain C#.
            if (code.TrimStart().StartsWith('%') || code.TrimStart().StartsWith('!'))
            {
                return null;
            }

            var tree = CSharpSyntaxTree.ParseText(code, CellCompiler.ParseOptions, cancellationToken: cancellationToken);
            var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            if (root.ContainsDiagnostics || root.ContainsDirectives || root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0
                || root.Members.Any(m => m is not (GlobalStatementSyntax or FieldDeclarationSyntax { AttributeLists.Count: 0 })) || root.DescendantNodes().Any(IsTopLevelControl))
            {
                return null;
            }

            ExpressionSyntax? value = null;
            if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } trailing })
            {
                if (!ScriptRunner.CannotBeVoid(trailing.Expression))
                {
                    return null;
                }

                value = trailing.Expression;
            }

            var declares = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax v:
                        declares.Add(v.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax d:
                        declares.Add(d.Identifier.ValueText);
                        break;
                    case ForEachStatementSyntax f:
                        declares.Add(f.Identifier.ValueText);
                        break;
                    case CatchDeclarationSyntax c when c.Identifier.ValueText.Length > 0:
                        declares.Add(c.Identifier.ValueText);
                        break;
                    case LocalFunctionStatementSyntax l:
                        declares.Add(l.Identifier.ValueText);
                        break;
                }
            }

            var uses = root.DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
            return new Segment(code, value, declares, uses);
        }

        /// <summary>The cell's text in the batch: its trailing value, if any, handed to the batch instead of returned.</summary>
        public string Text(long batch) => Value is null
            ? Code
            : $"{Code[..Value.SpanStart]}{Point}.Value({batch}, ({Code[Value.SpanStart..Value.Span.End]}));{Code[Value.Span.End..]}";

        /// <summary>
        /// Statements that would act on the whole submission, not the cell: return, await, labels, goto, yield, and a
        /// top-level <c>using var</c> (disposed when the submission ends).
        /// </summary>
        private static bool IsTopLevelControl(SyntaxNode node) =>
            ((node is ReturnStatementSyntax or YieldStatementSyntax or LabeledStatementSyntax or GotoStatementSyntax or AwaitExpressionSyntax
                || (node is CommonForEachStatementSyntax { AwaitKeyword.RawKind: not 0 })
                || (node is UsingStatementSyntax { AwaitKeyword.RawKind: not 0 })
                || (node is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 }))
            && !node.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            || node is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0, Parent: GlobalStatementSyntax };
    }
}
