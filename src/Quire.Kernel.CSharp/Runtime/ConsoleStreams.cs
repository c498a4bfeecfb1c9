namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// The process's console, taken over once for every engine in it: <see cref="Console.Out"/> and
/// <see cref="Console.Error"/> stream to the cell that writes, <see cref="Console.In"/> reads through
/// <c>input_request</c>, and exceptions thrown on threads a cell started are reported instead of ending the process.
/// </summary>
internal static class ConsoleStreams
{
    private static readonly Lazy<(StreamPublisher Publisher, CellInputReader Reader)> Shared = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static StreamPublisher Publisher => Shared.Value.Publisher;

    /// <summary>Redirects the console (idempotent).</summary>
    public static void EnsureInstalled() => _ = Shared.Value;

    /// <summary>Publishes everything cells have written so far; call it before any other output of a cell.</summary>
    public static Task FlushAsync() => Shared.IsValueCreated ? Shared.Value.Publisher.FlushAsync() : Task.CompletedTask;

    /// <summary>Asks the running cell's frontend for a line of input.</summary>
    public static string ReadInput(string prompt, bool password) => Shared.Value.Reader.Ask(prompt, password);

    private static (StreamPublisher, CellInputReader) Install()
    {
        var publisher = new StreamPublisher();
        var reader = new CellInputReader(publisher);
        Console.SetOut(new CellStreamWriter("stdout", publisher, Console.Out, TimeProvider.System));
        Console.SetError(new CellStreamWriter("stderr", publisher, Console.Error, TimeProvider.System));
        Console.SetIn(reader);
        BackgroundExceptions.Install();
        return (publisher, reader);
    }
}
