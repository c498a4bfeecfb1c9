using Quire.Kernels.KernelSpecs;

namespace Quire.Benchmarks.CSharpKernel;

/// <summary>
/// Debian's ipykernel and Quire's C# kernel, each started from its installed kernelspec and driven by the same Quire
/// client, in interleaved rounds (the side that goes first alternates). Per round and kernel: fresh launches timed to
/// <c>kernel_info_reply</c> and to the first <c>1+1</c> (<see cref="LaunchProbe"/>), then one kernel started by the
/// kernel manager for the steady-state figures. Prints a Markdown table of medians and ratios for bench/RESULTS.md;
/// progress goes to stderr.
/// </summary>
internal static class KernelComparisonBenchmark
{
    private const int ChunkSize = 1024;
    private const int Launches = 3;
    private const int DistinctRuns = 100;
    private const int FiftyLineRuns = 40;
    private const int Completions = 100;
    private const int Interrupts = 5;
    private const int Prints = 3;

    public static async Task<int> RunAsync(int rounds, int executesPerRound, int streamMiB)
    {
        var finder = new KernelSpecFinder();
        var sides = new[] { new KernelFigures(LanguageSamples.Python), new KernelFigures(LanguageSamples.CSharp) };
        var specs = new Dictionary<string, KernelSpec>(StringComparer.Ordinal);
        foreach (var side in sides)
        {
            specs[side.Samples.KernelName] = await finder.FindAsync(side.Samples.KernelName)
                ?? throw new InvalidOperationException($"no kernelspec '{side.Samples.KernelName}' on the Jupyter path ({string.Join(", ", finder.KernelDirectories)})");
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                Progress($"round {round + 1}/{rounds}: {side.Samples.Label}");
                await MeasureLaunchesAsync(specs[side.Samples.KernelName], side);
                await MeasureSessionAsync(specs[side.Samples.KernelName], side, executesPerRound, streamMiB);
            }
        }

        ComparisonReport.Write(Console.Out, sides[0], sides[1], rounds, streamMiB);
        return 0;
    }

    private static async Task MeasureLaunchesAsync(KernelSpec spec, KernelFigures figures)
    {
        for (var i = 0; i < Launches; i++)
        {
            var (kernelInfo, firstExecute) = await LaunchProbe.RunAsync(spec);
            figures.KernelInfo.Add(kernelInfo);
            figures.FirstExecute.Add(firstExecute);
        }
    }

    private static async Task MeasureSessionAsync(KernelSpec spec, KernelFigures figures, int executes, int streamMiB)
    {
        var samples = figures.Samples;
        var kernel = await BenchmarkKernel.StartAsync(spec);
        await using (kernel)
        {
            // Warm-up: every kind of request once or more, as a user's first minutes with a notebook would.
            await kernel.ExecuteAsync(samples.CompletionSetup);
            for (var i = 0; i < 50; i++)
            {
                await kernel.ExecuteAsync("1+1");
            }

            for (var i = 0; i < 5; i++)
            {
                await kernel.ExecuteAsync(samples.FiftyLineCell);
                await kernel.TimeCompleteAsync(samples.CompletionCode, expectedAtLeast: 2);
            }

            for (var i = 0; i < executes; i++)
            {
                figures.Trivial.Add(await kernel.TimeExecuteAsync("1+1"));
            }

            for (var i = 0; i < DistinctRuns; i++)
            {
                figures.DistinctTrivial.Add(await kernel.TimeExecuteAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1+{i + 2}")));
            }

            for (var i = 0; i < FiftyLineRuns; i++)
            {
                figures.FiftyLines.Add(await kernel.TimeExecuteAsync(samples.FiftyLineCell));
            }

            for (var i = 0; i < Completions; i++)
            {
                figures.Complete.Add(await kernel.TimeCompleteAsync(samples.CompletionCode, expectedAtLeast: 2));
            }

            for (var i = 0; i < Completions / 2; i++)
            {
                // The code before the word alternates (text.S, (text).S), so no request continues the one before it.
                var dot = samples.CompletionCode.IndexOf('.', StringComparison.Ordinal);
                var code = i % 2 == 0 ? samples.CompletionCode : $"({samples.CompletionCode[..dot]}){samples.CompletionCode[dot..]}";
                figures.CompleteFresh.Add(await kernel.TimeCompleteAsync(code, expectedAtLeast: 2));
            }

            figures.IdleResident.Add(kernel.ResidentBytes());
            for (var i = 0; i < Interrupts; i++)
            {
                figures.Interrupt.Add(await kernel.TimeInterruptAsync(samples.BusyLoop));
                await kernel.ExecuteAsync("1+1");
            }

            var chunks = streamMiB * 1024 * 1024 / ChunkSize;
            for (var i = 0; i < Prints; i++)
            {
                var (rate, kernelCpu, clientCpu) = await kernel.StreamRateAsync(samples.StreamCell(chunks, ChunkSize), chunks, ChunkSize);
                figures.StreamRate.Add(rate);
                figures.StreamCpu.Add((kernelCpu, clientCpu));
            }
        }
    }

    private static void Progress(string text) => Console.Error.WriteLine(text);
}
