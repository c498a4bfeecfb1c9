using System.Diagnostics;
using System.Text.Json;
using Quire.Notebook.Format;
using Quire.Notebook.Validation;

namespace Quire.Benchmarks;

/// <summary>
/// Read (parse), validate and write one notebook REPEAT times after a warm-up; prints seconds per step as JSON, the
/// first (cold) pass separately, the process's peak resident memory (VmHWM) and its resident memory before the first read.
/// </summary>
internal static class NotebookFormatBenchmark
{
    /// <summary>Passes run before timing: the JIT and the GC's budgets settle, as BenchmarkDotNet's warm-up does.</summary>
    private const int Warmup = 3;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Read, double Validate, double Write) RunOnce(string path, string output)
    {
        var watch = Stopwatch.StartNew();
        var document = NotebookReader.Read(File.ReadAllBytes(path), path).Document;
        var read = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var issues = NotebookValidator.Validate(document);
        var validate = watch.Elapsed.TotalSeconds;
        if (issues.Count > 0)
        {
            throw new InvalidOperationException($"benchmark notebook is invalid: {issues[0]}");
        }

        watch.Restart();
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            // Like Python's nbformat.write: a plain write, no fsync (Quire's atomic save adds one).
            NotebookWriter.Write(document, stream);
        }

        return (read, validate, watch.Elapsed.TotalSeconds);
    }

    public static int Run(string path, int repeat)
    {
        var baseline = ProcessMemory.ResidentBytes();
        var output = Path.Combine(Path.GetTempPath(), $"quire-bench-{Environment.ProcessId}.ipynb");
        var reads = new List<double>();
        var validations = new List<double>();
        var writes = new List<double>();
        double[] cold = [];
        try
        {
            // REPEAT 0 is one cold pass alone: what a single `quire nb fmt` costs in time and memory.
            var warmup = repeat == 0 ? 1 : Warmup;
            for (var i = 0; i < warmup + repeat; i++)
            {
                var (read, validate, write) = RunOnce(path, output);
                if (i == 0)
                {
                    cold = [read, validate, write];
                }

                if (i >= warmup)
                {
                    reads.Add(read);
                    validations.Add(validate);
                    writes.Add(write);
                }

                // Between passes, outside the timings, as BenchmarkDotNet does: each pass starts from a clean heap.
                GC.Collect();
            }
        }
        finally
        {
            File.Delete(output);
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["read"] = reads,
            ["validate"] = validations,
            ["write"] = writes,
            ["cold"] = cold,
            ["peak_rss_bytes"] = ProcessMemory.PeakResidentBytes(),
            ["baseline_rss_bytes"] = baseline,
        }));
        return 0;
    }
}
