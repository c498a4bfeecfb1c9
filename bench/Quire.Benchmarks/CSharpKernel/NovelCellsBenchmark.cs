using System.Diagnostics;
using System.Globalization;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.ZeroMQ;

namespace Quire.Benchmarks.CSharpKernel;

/// <summary>
/// A notebook of small cells never run before (<see cref="NovelCells"/>), as <c>quire run</c> sends them: ipykernel
/// and Quire's C# kernel, each launched fresh from its kernelspec (timed from starting the process, as
/// <see cref="LaunchProbe"/>), then sent the cells one after another, each timed from its <c>execute_request</c> to
/// its <c>execute_reply</c>. Interleaved rounds, the side that goes first alternating. Prints a Markdown table.
/// </summary>
internal static class NovelCellsBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(int rounds, int cells)
    {
        var finder = new KernelSpecFinder();
        string[] names = ["python3", "csharp"];
        var specs = new Dictionary<string, KernelSpec>(StringComparer.Ordinal);
        var figures = names.ToDictionary(n => n, _ => new Figures(), StringComparer.Ordinal);
        foreach (var name in names)
        {
            specs[name] = await finder.FindAsync(name) ?? throw new InvalidOperationException($"no kernelspec '{name}' on the Jupyter path");
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var name in round % 2 == 0 ? names : names.Reverse())
            {
                Console.Error.WriteLine($"round {round + 1}/{rounds}: {name}, {cells} novel cells");
                await RunNotebookAsync(specs[name], NovelCells.For(name, cells), figures[name]);
            }
        }

        Write(Console.Out, figures["python3"], figures["csharp"], rounds, cells);
        return 0;
    }

    private static async Task RunNotebookAsync(KernelSpec spec, IReadOnlyList<(string Kind, string Code)> cells, Figures figures)
    {
        var provisioner = KernelProvisionerFactory.CreateDefault().Create(spec);
        await using (provisioner)
        {
            var watch = Stopwatch.StartNew();
            var connection = await provisioner.LaunchAsync(new KernelLaunchRequest { Spec = spec, KernelId = Guid.NewGuid().ToString() });
            var client = await KernelClient.ConnectAsync(new ZeroMqTransport(), connection);
            await using (client)
            {
                await client.KernelInfoAsync(Timeout);
                figures.KernelInfo.Add(watch.Elapsed.TotalMilliseconds);
                foreach (var (kind, code) in cells)
                {
                    var started = watch.Elapsed.TotalMilliseconds;
                    var request = client.Session.Create(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = code }, MessagingJsonContext.Default.ExecuteRequest);
                    var reply = (await client.RequestAsync(KernelChannel.Shell, request, Timeout)).GetContent(MessagingJsonContext.Default.ExecuteReply);
                    if (!reply.IsOk)
                    {
                        throw new InvalidOperationException($"{spec.Name} failed the cell `{code}`: {reply.Ename}: {reply.Evalue}");
                    }

                    var elapsed = watch.Elapsed.TotalMilliseconds - started;
                    if (figures.Cells.Count % cells.Count == 0)
                    {
                        figures.FirstReply.Add(watch.Elapsed.TotalMilliseconds);
                    }

                    figures.Cells.Add(elapsed);
                    figures.ByKind.TryAdd(kind, []);
                    figures.ByKind[kind].Add(elapsed);
                }

                figures.Total.Add(watch.Elapsed.TotalMilliseconds);
                await provisioner.KillAsync();
            }
        }
    }

    private static void Write(TextWriter output, Figures python, Figures csharp, int rounds, int cells)
    {
        output.WriteLine(Invariant($"{rounds} interleaved rounds; per round and kernel: one fresh launch, then {cells} novel cells ({string.Join(", ", NovelCells.Kinds)}, in turn), each timed to its execute_reply"));
        output.WriteLine();
        output.WriteLine("| measure | ipykernel | Quire C# | ratio |");
        output.WriteLine("|---|---|---|---|");
        Row(output, "launch → kernel_info_reply (median)", KernelFigures.Median(python.KernelInfo), KernelFigures.Median(csharp.KernelInfo));
        Row(output, "launch → first cell's reply (median)", KernelFigures.Median(python.FirstReply), KernelFigures.Median(csharp.FirstReply));
        Row(output, "novel cell p50", KernelFigures.Percentile(python.Cells, 50), KernelFigures.Percentile(csharp.Cells, 50));
        Row(output, "novel cell p95", KernelFigures.Percentile(python.Cells, 95), KernelFigures.Percentile(csharp.Cells, 95));
        foreach (var kind in NovelCells.Kinds)
        {
            Row(output, $"{kind} cell p50", KernelFigures.Percentile(python.ByKind[kind], 50), KernelFigures.Percentile(csharp.ByKind[kind], 50));
        }

        Row(output, "the first cell of each kind, sum (median over rounds; the first waits for the kernel's warm-up)", FirstOfKinds(python, rounds), FirstOfKinds(csharp, rounds));
        Row(output, "cells after the first of each kind, sum (median over rounds)", AfterFirstOfKinds(python, rounds), AfterFirstOfKinds(csharp, rounds));
        Row(output, Invariant($"launch → reply of cell {cells} (median)"), KernelFigures.Median(python.Total), KernelFigures.Median(csharp.Total));
        output.WriteLine();
        output.WriteLine("Ratios: ipykernel time ÷ Quire time; higher is better for Quire.");
    }

    // Per round, the cells are sent kind after kind: the first few of each round are the first of their kind.
    private static double FirstOfKinds(Figures figures, int rounds)
    {
        var perRound = figures.Cells.Count / rounds;
        return KernelFigures.Median([.. Enumerable.Range(0, rounds).Select(r => figures.Cells.Skip(r * perRound).Take(NovelCells.Kinds.Length).Sum())]);
    }

    private static double AfterFirstOfKinds(Figures figures, int rounds)
    {
        var perRound = figures.Cells.Count / rounds;
        return KernelFigures.Median([.. Enumerable.Range(0, rounds).Select(r => figures.Cells.Skip((r * perRound) + NovelCells.Kinds.Length).Take(perRound - NovelCells.Kinds.Length).Sum())]);
    }

    private static void Row(TextWriter output, string measure, double python, double csharp) =>
        output.WriteLine(Invariant($"| {measure} | {Ms(python)} | {Ms(csharp)} | {python / csharp:0.00}× |"));

    private static string Ms(double milliseconds) => milliseconds >= 100 ? Invariant($"{milliseconds:0} ms") : Invariant($"{milliseconds:0.00} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Figures
    {
        public List<double> KernelInfo { get; } = [];

        public List<double> FirstReply { get; } = [];

        public List<double> Cells { get; } = [];

        public Dictionary<string, List<double>> ByKind { get; } = new(StringComparer.Ordinal);

        public List<double> Total { get; } = [];
    }
}
