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
/// <remarks>
/// Roslyn's <c>Script.Compile</c> binds a cell twice (to emit, then again to list warnings nobody reads), and every
/// new submission binds its predecessor once more (Roslyn checks it has no errors), so the happy path here emits the
/// text that will run exactly once (<c>CreateDelegate</c>) and binds other texts only when something failed.
/// </remarks>
internal static class CellCompiler
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The compiled script for <paramref name="code"/>; <paramref name="create"/> chains a text to the previous cells.</summary>
    /// <exception cref="CompilationErrorException">The cell does not compile.</exception>
    public static CellScript Compile(Func<string, Script<object?>> create, string code, CancellationToken cancellationToken)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions, cancellationToken: cancellationToken);
        var rewritten = InterruptRewriter.Rewrite(tree.GetRoot(cancellationToken));
        var text = rewritten.ToFullString();
        var script = create(text);
        if (LambdaRewriter.Applies(rewritten))
        {
            var compilation = script.GetCompilation();
            var compiled = compilation.SyntaxTrees.Last();
            var model = compilation.GetSemanticModel(compiled);
            var withLambdas = create(new LambdaRewriter(model, cancellationToken).Visit(compiled.GetRoot(cancellationToken)).ToFullString());
            if (Emit(withLambdas, cancellationToken) is null)
            {
                return new CellScript(withLambdas, model);
            }
        }

        var failed = Emit(script, cancellationToken);
        if (failed is null)
        {
            return new CellScript(script, null);
        }

        if (text == code)
        {
            throw failed;
        }

        // Errors of the rewritten text would show its columns: compile the cell as written to report them (or, should
        // a rewrite ever break a valid cell, to run it as written).
        var original = create(code);
        return Emit(original, cancellationToken) is { } error ? throw error : new CellScript(original, null);
    }

    /// <summary>Emits and loads the submission (the script keeps it for its runs); the compile errors when it has some.</summary>
    private static CompilationErrorException? Emit(Script<object?> script, CancellationToken cancellationToken)
    {
        try
        {
            _ = script.CreateDelegate(cancellationToken);
            return null;
        }
        catch (CompilationErrorException ex)
        {
            return ex;
        }
    }
}
