using System.Diagnostics;
using System.Text.Json;

namespace Quire.Server.Tests.Infrastructure;

/// <summary>
/// A kernelspec whose launch waits at a gate: its argv is a shell that notes the launch, then blocks reading a FIFO
/// until the test opens it, then becomes the test kernel. The test thus knows, by an event and not by time, that a
/// kernel start is under way, and chooses when it may finish.
/// </summary>
internal sealed class GatedKernelSpec : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quire-gate-").FullName;
    private FileStream? _writer;

    public GatedKernelSpec()
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Fifo]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        Assert.True(mkfifo.ExitCode == 0, $"mkfifo {Fifo} exited with {mkfifo.ExitCode}");
    }

    private string Fifo => Path.Combine(_directory, "gate");

    private string LaunchLog => Path.Combine(_directory, "launches");

    /// <summary>How many times a kernel of this spec was launched.</summary>
    public int Launches => File.Exists(LaunchLog) ? File.ReadAllLines(LaunchLog).Length : 0;

    /// <summary>Writes the spec <paramref name="name"/>: the test kernel behind the gate.</summary>
    public void Write(TestKernelSpecs specs, string name)
    {
        var directory = specs.Write(name, "Gated test kernel");
        var kernelJson = Path.Combine(directory, "kernel.json");
        using var spec = JsonDocument.Parse(File.ReadAllText(kernelJson));
        string[] launcher = ["/bin/sh", "-c", "echo launched >> \"$1\"; read _ < \"$2\"; shift 2; exec \"$@\"", "gate", LaunchLog, Fifo];
        var argv = launcher.Concat(spec.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!)).ToArray();
        File.WriteAllText(kernelJson, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["argv"] = argv,
            ["display_name"] = "Gated test kernel",
            ["language"] = "quire-test",
            ["interrupt_mode"] = "message",
        }));
    }

    /// <summary>Resolves when a launch waits at the gate (opening a FIFO to write returns once its reader opened it).</summary>
    public Task WaitForLaunchAsync() =>
        Within.Async(Task.Run(() => _writer = new FileStream(Fifo, FileMode.Open, FileAccess.Write)), Within.Kernel, "a kernel launch to wait at the gate");

    /// <summary>Lets the waiting launch go on to start the kernel.</summary>
    public void Open()
    {
        Assert.NotNull(_writer);
        try
        {
            _writer.Write("go\n"u8);
            _writer.Dispose();
        }
        catch (IOException ex)
        {
            Assert.Fail($"the launch waiting at the gate is gone (its kernel start was abandoned): {ex.Message}");
        }
        finally
        {
            _writer = null;
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
