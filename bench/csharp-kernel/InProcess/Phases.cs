using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.InProcess;

/// <summary>Where a chained submission's compile time goes, phase by phase (process CPU, medians over the cells).</summary>
internal static class Phases
{
    public static async Task RunAsync(IReadOnlyList<(string Kind, string Code)> cells, TextWriter output)
    {
        var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
        var full = runner.Options;
        var globals = new CSharpKernelGlobals(new CellContext());
        var state = await CSharpScript.Create<object?>("0", full, typeof(CSharpKernelGlobals)).RunAsync(globals);
        var continuation = full.WithReferences(Array.Empty<MetadataReference>()).WithImports(Array.Empty<string>());
        var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var process = Process.GetCurrentProcess();
        double Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalMilliseconds;
        }

        void Add(string phase, double ms) => (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(ms);

        foreach (var (_, code) in cells)
        {
            var t = Cpu();
            var script = state.Script.ContinueWith<object?>(code, continuation);
            var compilation = (CSharpCompilation)script.GetCompilation();
            Add("1 parse+create", Cpu() - t);
            t = Cpu();
            _ = compilation.Assembly;
            Add("2 reference manager", Cpu() - t);
            t = Cpu();
            _ = compilation.GetDiagnostics();
            Add("3 GetDiagnostics (bind)", Cpu() - t);
            t = Cpu();
            Emit(compilation, pdb: false);
            Add("4 emit, no PDB (binds again)", Cpu() - t);
            t = Cpu();
            Emit(compilation, pdb: true);
            Add("5 emit + portable PDB", Cpu() - t);
            foreach (var concurrent in new[] { true, false, true, false })
            {
                var fresh = (CSharpCompilation)state.Script.ContinueWith<object?>(code, continuation).GetCompilation();
                fresh = fresh.WithOptions(fresh.Options.WithConcurrentBuild(concurrent));
                t = Cpu();
                Emit(fresh, pdb: false);
                Add(concurrent ? "6a fresh compilation: reference manager + emit, concurrentBuild true" : "6b fresh compilation: reference manager + emit, concurrentBuild false", Cpu() - t);
            }

            t = Cpu();
            var other = (CSharpCompilation)state.Script.ContinueWith<object?>(code, continuation).GetCompilation();
            _ = other.Assembly;
            Add("7 a second compilation of the same cell: create + reference manager", Cpu() - t);
            t = Cpu();
            state = await script.RunFromAsync(state);
            Add("8 CreateDelegate (emit with the kernel's options, load) and run", Cpu() - t);
        }

        output.WriteLine("| phase | CPU p50 (ms) |");
        output.WriteLine("|---|---:|");
        foreach (var (phase, values) in phases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sorted = values.Order().ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {sorted[sorted.Length / 2]:0.00} |"));
        }
    }

    private static void Emit(Compilation compilation, bool pdb)
    {
        using var pe = new MemoryStream();
        using var symbols = pdb ? new MemoryStream() : null;
        var result = compilation.Emit(pe, symbols, options: pdb ? new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb) : null);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join('\n', result.Diagnostics));
        }
    }
}
