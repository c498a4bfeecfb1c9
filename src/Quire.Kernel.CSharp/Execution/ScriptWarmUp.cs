using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Loads the compiler off the startup path: the references are read and a throwaway cell is compiled and run, with
/// the cells' own options, on a background thread from the moment the engine exists. The kernel answers
/// <c>kernel_info_request</c> meanwhile, and the first cell waits for <see cref="Ready"/> instead of a cold Roslyn.
/// </summary>
internal sealed class ScriptWarmUp
{
    private readonly Lock _lock = new();
    private readonly Lazy<ScriptOptions> _initial = new(CreateOptions, LazyThreadSafetyMode.ExecutionAndPublication);
    private ScriptOptions? _options;

    private ScriptWarmUp() => Ready = Task.Run(WarmUp);

    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Text",
        "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>Completes once a cell compiled and ran (never faults: a failed warm-up only means a slower first cell).</summary>
    public Task Ready { get; }

    public ScriptOptions Options
    {
        get
        {
            lock (_lock)
            {
                return _options ??= _initial.Value;
            }
        }
    }

    public static ScriptWarmUp Start() => new();

    public void AddReferences(IEnumerable<MetadataReference> references)
    {
        lock (_lock)
        {
            _options = (_options ?? _initial.Value).AddReferences(references);
        }
    }

    private async Task WarmUp()
    {
        try
        {
            var options = Options;

            // Both compiler passes (a lambda and a loop) and the trailing-value check, as a real cell takes them.
            const string Code = "var w = 0; for (var i = 0; i < 2; i++) { w += new[] { i }.Select(x => x + 1).Sum(); } w + 1";
            var script = CellCompiler.Compile(text => CSharpScript.Create<object?>(text, options, typeof(CSharpKernelGlobals)), Code, CancellationToken.None);
            _ = script.GetCompilation().GetSemanticModel(script.GetCompilation().SyntaxTrees.Last());
            await script.RunAsync(new CSharpKernelGlobals(new CellContext()), _ => true, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Warming up is an optimisation: the first cell reports any real problem itself.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static ScriptOptions CreateOptions() => ScriptOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithFilePath(ScriptRunner.CellFileName)
        .WithFileEncoding(System.Text.Encoding.UTF8)
        .WithEmitDebugInformation(true)

        // Release: cells that compute run at full JIT speed; the portable PDB still gives stack traces their lines.
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithAllowUnsafe(true)
        .WithReferences(DefaultReferences())
        .WithImports(DefaultImports);

    private static IEnumerable<MetadataReference> DefaultReferences()
    {
        // Every assembly of the shared framework, so that cells see the whole BCL as a console app does.
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var file in Directory.EnumerateFiles(directory, "*.dll"))
        {
            if (IsManaged(file))
            {
                yield return MetadataReference.CreateFromFile(file);
            }
        }

        yield return MetadataReference.CreateFromFile(typeof(CSharpKernelGlobals).Assembly.Location);
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
