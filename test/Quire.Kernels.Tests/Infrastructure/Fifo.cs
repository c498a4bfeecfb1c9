using System.Diagnostics;

namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>
/// A named pipe a test process writes to: reading it to the end completes when every writer has closed it, which
/// makes "the script got this far" and "the process holding it has died" events a test can wait on.
/// </summary>
internal sealed class Fifo
{
    private Fifo(string path) => Path = path;

    public string Path { get; }

    public static async Task<Fifo> CreateAsync(string path)
    {
        using var mkfifo = Process.Start("/usr/bin/mkfifo", [path]);
        await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, mkfifo.ExitCode);
        return new Fifo(path);
    }

    /// <summary>Opens for reading (which blocks until a writer opens it) and reads until all writers close it.</summary>
    public Task<string> ReadToEndAsync() => Task.Run(() => File.ReadAllText(Path), TestContext.Current.CancellationToken);
}
