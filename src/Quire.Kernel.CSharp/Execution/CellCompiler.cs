using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Execution.Interrupts;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Compiles a cell as it will run: rewritten for interrupts (<see cref="InterruptRewriter"/>, then
/// <see cref="LambdaRewriter"/> when it has expression lambdas). Errors are always reported against the code as
/// written, and a rewrite that would not compile falls back to the code as written.
/// </summary>
internal static class CellCompiler
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The compiled script for <paramref name="code"/>; <paramref name="create"/> chains a text to the previous cells.</summary>
    /// <exception cref="CompilationErrorException">The cell does not compile.</exception>
    public static Script<object?> Compile(Func<string, Script<object?>> create, string code, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions, cancellationToken: cancellationToken);
        var text = InterruptRewriter.Rewrite(tree.GetRoot(cancellationToken)).ToFullString();
        var script = create(text);
        var diagnostics = script.Compile(cancellationToken);
        if (HasErrors(diagnostics))
        {
            if (text == code)
            {
                throw Failed(diagnostics);
            }

            // Errors of the rewritten text would show its columns: compile the cell as written to report them.
            var original = create(code);
            var originalDiagnostics = original.Compile(cancellationToken);
            return HasErrors(originalDiagnostics) ? throw Failed(originalDiagnostics) : original;
        }

        var compilation = script.GetCompilation();
        var compiled = compilation.SyntaxTrees.Last();
        var root = compiled.GetRoot(cancellationToken);
        if (!LambdaRewriter.Applies(root))
        {
            return script;
        }

        var withLambdas = create(new LambdaRewriter(compilation.GetSemanticModel(compiled), cancellationToken).Visit(root).ToFullString());
        return HasErrors(withLambdas.Compile(cancellationToken)) ? script : withLambdas;
    }

    private static bool HasErrors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    private static CompilationErrorException Failed(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics) =>
        new(string.Join('\n', diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)), diagnostics);
}
