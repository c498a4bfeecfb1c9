using System.Globalization;
using Quire.Benchmarks;
using Quire.Benchmarks.Messaging;

return args switch
{
    ["notebook-format", var path, var repeat] => NotebookFormatBenchmark.Run(path, Int(repeat)),
    ["messaging-roundtrip", var connection, var count] => await RoundTripBenchmark.RunAsync(connection, Int(count)),
    ["messaging-flood", var connection, var count, var size, var ready] => FloodPublisher.Run(connection, Int(count), Int(size), ready),
    ["messaging-receive", var connection, var count, var ready] => await FloodReceiver.RunAsync(connection, Int(count), ready),
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
        """);
    return 2;
}
