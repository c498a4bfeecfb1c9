using System.Diagnostics;
using System.Globalization;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;

// Usage: Quire.Kernel.CSharp.InProcess novel|chain CELLS [phases|editor]   (bench/csharp-kernel/inprocess.sh runs it)
//   novel: the five kinds of bench/Quire.Benchmarks' NovelCells in turn; chain: bench/execution's notebook
//   (`var x17 = x16 + 17;`, every tenth cell also printing). Prints per-kind medians of process CPU and wall per cell.
//   phases: where a chained submission's compile time goes (Phases); editor: what the editor services' warm-up costs.
var kind = args.Length > 0 ? args[0] : "novel";
var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var cells = kind == "chain" ? Chain(count) : Novel(count);

var output = Console.Out;
Console.SetOut(TextWriter.Null);
if (args.Length > 2 && args[2] == "editor")
{
    // What the editor services' warm-up (a first completion) costs, after one cell.
    var warmRunner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
    _ = await warmRunner.RunAsync("var a = 1;", 1, CancellationToken.None);
    var self = Process.GetCurrentProcess();
    var before = self.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await new Quire.Kernel.CSharp.EditorServices.EditorService(warmRunner).WarmUpAsync(CancellationToken.None);
    self.Refresh();
    output.WriteLine(Invariant($"editor warm-up: {(self.TotalProcessorTime - before).TotalMilliseconds:0} ms CPU, {clock.Elapsed.TotalMilliseconds:0} ms wall"));
    return 0;
}

if (args.Length > 2 && args[2] == "phases")
{
    await Quire.Kernel.CSharp.InProcess.Phases.RunAsync(cells, output);
    return 0;
}

var runner = new ScriptRunner(new CSharpKernelGlobals(new CellContext()));
var process = Process.GetCurrentProcess();
var cpu = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var wall = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var allCpu = TimeSpan.Zero;
var watch = Stopwatch.StartNew();
var execution = 0L;
var first = (Cpu: 0.0, Wall: 0.0);
var order = new List<double>();
foreach (var (name, code) in cells)
{
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var wallBefore = watch.Elapsed;
    var run = await runner.RunAsync(code, ++execution, CancellationToken.None);
    if (run.Exception is { } exception)
    {
        throw new InvalidOperationException($"`{code}` threw", exception);
    }

    process.Refresh();
    var spent = process.TotalProcessorTime - cpuBefore;
    allCpu += spent;
    order.Add(spent.TotalMilliseconds);
    if (execution == 1)
    {
        first = (spent.TotalMilliseconds, (watch.Elapsed - wallBefore).TotalMilliseconds);
    }

    (cpu.TryGetValue(name, out var c) ? c : cpu[name] = []).Add(spent.TotalMilliseconds);
    (wall.TryGetValue(name, out var w) ? w : wall[name] = []).Add((watch.Elapsed - wallBefore).TotalMilliseconds);
}

output.WriteLine(Invariant($"{kind}, {count} cells, {runner.Compilations} compilations; process CPU over all cells {allCpu.TotalSeconds:0.000} s ({allCpu.TotalMilliseconds / count:0.00} ms/cell), wall {watch.Elapsed.TotalSeconds:0.000} s; first cell {first.Cpu:0} ms CPU, {first.Wall:0} ms wall; after it {(allCpu.TotalMilliseconds - first.Cpu) / (count - 1):0.00} ms CPU, {(watch.Elapsed.TotalMilliseconds - first.Wall) / (count - 1):0.00} ms wall per cell"));
output.WriteLine("| cell | CPU p50 (ms) | wall p50 (ms) | n |");
output.WriteLine("|---|---:|---:|---:|");
foreach (var name in cpu.Keys)
{
    output.WriteLine(Invariant($"| {name} | {Median(cpu[name]):0.00} | {Median(wall[name]):0.00} | {cpu[name].Count} |"));
}

output.WriteLine(Invariant($"CPU p50 by position: {string.Join(" / ", Enumerable.Range(0, 4).Select(q => Median([.. order.Skip(q * count / 4).Take(count / 4)]).ToString("0.00", CultureInfo.InvariantCulture)))} ms (quarters of the cells)"));
output.WriteLine(Invariant($"| all | {Median([.. cpu.Values.SelectMany(v => v)]):0.00} | {Median([.. wall.Values.SelectMany(v => v)]):0.00} | {count} |"));
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static List<(string Kind, string Code)> Novel(int count)
{
    var cells = new List<(string, string)>();
    for (var i = 0; cells.Count < count; i++)
    {
        string[] codes =
        [
            Invariant($"var a{i} = {i};"),
            Invariant($"Console.WriteLine(a{i} * 2);"),
            Invariant($"a{i} + 1"),
            Invariant($"int F{i}(int x) => x * {i} + a{i};"),
            Invariant($"new List<int> {{ 1, 2, {i} }}.Where(x => x > 1).Select(x => x * 2).Sum()"),
        ];
        string[] kinds = ["variable", "print", "expression", "function", "query"];
        for (var k = 0; k < codes.Length && cells.Count < count; k++)
        {
            cells.Add((kinds[k], codes[k]));
        }
    }

    return cells;
}

static List<(string Kind, string Code)> Chain(int count)
{
    var cells = new List<(string, string)> { ("variable", "var x0 = 1;") };
    for (var i = 1; i < count; i++)
    {
        cells.Add(i % 10 == 0
            ? ("print", Invariant($"var x{i} = x{i - 1} + {i};\nConsole.WriteLine(x{i});"))
            : ("variable", Invariant($"var x{i} = x{i - 1} + {i};")));
    }

    return cells;
}
