using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Gets the compiler ready off the startup path, on a background thread from the moment the engine exists (while the
/// kernel answers <c>kernel_info_request</c>). A first submission
/// (<see cref="Root"/>) reads and binds the framework's references, and the user's cells continue it; then a cell is
/// compiled after it as cells are, and dropped. The first cell waits for <see cref="Ready"/> and pays for its own
/// code only, not for a cold Roslyn.
/// </summary>
/// <remarks>
/// Nothing of the warm-up reaches the user: the root declares nothing and prints nothing, and the dropped cell never
/// runs. Measured on two cores and not kept: a bigger throwaway cell (loops, lambdas, both rewriting passes) delayed
/// the first cell by more than it saved later; starting before the sockets are bound, or on a second thread as well,
/// delayed <c>kernel_info_reply</c> without bringing the first cell forward.
/// </remarks>
internal sealed class ScriptWarmUp
{
    private ScriptState<object?>? _root;

    private ScriptWarmUp(CellOptions options, CSharpKernelGlobals globals) => Ready = Task.Run(() => WarmUpAsync(options, globals));

    /// <summary>Completes once the root ran and a cell compiled after it (never faults: a failed warm-up only means a slower first cell).</summary>
    public Task Ready { get; }

    /// <summary>The submission the user's chain starts from, once <see cref="Ready"/>; null when the warm-up failed.</summary>
    public ScriptState<object?>? Root => Volatile.Read(ref _root);

    public static ScriptWarmUp Start(CellOptions options, CSharpKernelGlobals globals) => new(options, globals);

    private async Task WarmUpAsync(CellOptions options, CSharpKernelGlobals globals)
    {
        try
        {
            var full = options.Options;

            // Declares nothing. A root with LINQ and a lambda warmed more, but cost the first cell a fifth more CPU.
            const string RootCode = "0";
            var root = await CSharpScript.Create<object?>(RootCode, full, typeof(CSharpKernelGlobals))
                .RunAsync(globals, _ => true, CancellationToken.None).ConfigureAwait(false);
            options.Applied(full);

            // A cell after it, compiled as cells are and dropped: the path every cell takes, taken once.
            var continuation = options.ContinuationOptions;
            var cell = CellCompiler.Compile(text => root.Script.ContinueWith<object?>(text, continuation), "1", CancellationToken.None);
            var compilation = cell.GetCompilation();
            _ = compilation.GetSemanticModel(compilation.SyntaxTrees.Last()).GetDiagnostics();

            Volatile.Write(ref _root, root);
        }
#pragma warning disable CA1031 // Warming up is an optimisation: the first cell reports any real problem itself.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
