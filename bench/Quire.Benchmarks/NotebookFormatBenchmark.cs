using System.Diagnostics;
using System.Text.Json;
using Quire.Notebook.Format;
using Quire.Notebook.Validation;

namespace Quire.Benchmarks;

/// <summary>
/// Read (parse), validate and write one notebook REPEAT times after a warm-up; prints seconds per step as JSON, with
/// the process's peak resident memory (VmHWM) and its resident memory before the first read.
/// </summary>
internal static class NotebookFormatBenchmark
{
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
        try
        {
            for (var i = 0; i <= repeat; i++)
            {
                var (read, validate, write) = RunOnce(path, output);
                if (i > 0)
                {
                    reads.Add(read);
                    validations.Add(validate);
                    writes.Add(write);
                }

                // Nothing of this iteration is referenced any more: measure the next one alone.
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
            ["peak_rss_bytes"] = ProcessMemory.PeakResidentBytes(),
            ["baseline_rss_bytes"] = baseline,
        }));
        return 0;
    }
}
