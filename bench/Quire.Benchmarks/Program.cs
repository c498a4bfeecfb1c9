using System.Globalization;
using Quire.Benchmarks;
using Quire.Benchmarks.CSharpKernel;
using Quire.Benchmarks.Messaging;
using Quire.Benchmarks.Server;

return args switch
{
    ["notebook-format", var path, var repeat] => NotebookFormatBenchmark.Run(path, Int(repeat)),
    ["messaging-roundtrip", var connection, var count] => await RoundTripBenchmark.RunAsync(connection, Int(count)),
    ["messaging-flood", var connection, var count, var size, var ready] => FloodPublisher.Run(connection, Int(count), Int(size), ready),
    ["messaging-receive", var connection, var count, var ready] => await FloodReceiver.RunAsync(connection, Int(count), ready),
    ["csharp-kernel", var rounds, var executes, var streamMiB] => await KernelComparisonBenchmark.RunAsync(Int(rounds), Int(executes), Int(streamMiB)),
    ["csharp-novel-cells", var rounds, var cells] => await NovelCellsBenchmark.RunAsync(Int(rounds), Int(cells)),
    ["server", var quire, var notebooks, var work, var rounds, var passes, var workers, var seconds, var kernels, var executes] =>
        await ServerBenchmark.RunAsync(new ServerSettings(quire, notebooks, work, Int(rounds), Int(passes), Int(workers), Int(seconds), Int(kernels), Int(executes))),
    _ => Usage(),
};

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Quire.Benchmarks notebook-format NOTEBOOK REPEAT
               Quire.Benchmarks messaging-roundtrip CONNECTION_FILE COUNT
               Quire.Benchmarks messaging-flood CONNECTION_FILE COUNT SIZE READY_FILE
               Quire.Benchmarks messaging-receive CONNECTION_FILE COUNT READY_FILE
               Quire.Benchmarks csharp-kernel ROUNDS EXECUTES_PER_ROUND STREAM_MIB   (kernelspecs python3 and csharp on JUPYTER_PATH)
               Quire.Benchmarks csharp-novel-cells ROUNDS CELLS   (a fresh kernel per round; kernelspecs as csharp-kernel)
               Quire.Benchmarks server QUIRE_DLL NOTEBOOK_DIR WORK_DIR ROUNDS PASSES WORKERS SECONDS KERNELS EXECUTES   (bench/server/run.sh)
        """);
    return 2;
}
