using Quire.Cli.Hosting;

namespace Quire.Conformance.CSharpKernel;

/// <summary>
/// The C# kernel installed by <c>quire kernel install --prefix TEMP</c> (run in process, as a user would run the
/// command), and the environment that makes Debian's Jupyter find it there and keep everything else under TEMP too.
/// Shared by the tests of a class; the install happens once, on first use.
/// </summary>
public sealed class InstalledCSharpKernel : IDisposable
{
    public const string KernelName = "csharp";

    private readonly string _root = Directory.CreateTempSubdirectory("quire-csharp-kernel-").FullName;
    private readonly Lazy<Task<IReadOnlyDictionary<string, string>>> _environment;

    public InstalledCSharpKernel() => _environment = new Lazy<Task<IReadOnlyDictionary<string, string>>>(InstallAsync);

    /// <summary>The kernelspec directory the install is expected to write.</summary>
    public string ResourceDirectory => Path.Combine(_root, "share", "jupyter", "kernels", KernelName);

    /// <summary>Installs on first call; the variables to run Jupyter with.</summary>
    public Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(CancellationToken cancellationToken) => _environment.Value.WaitAsync(cancellationToken);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that outlived its test may still hold a runtime file; the temp directory is swept later.
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> InstallAsync()
    {
        using var input = new MemoryStream();
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole(input, output, error, colors: false);
        var exit = await QuireCli.InvokeAsync(["kernel", "install", "--prefix", _root], console, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"quire kernel install --prefix {_root} exited {exit}; it was expected to install the kernelspec.\n{error}");
        Assert.True(File.Exists(Path.Combine(ResourceDirectory, "kernel.json")), $"quire kernel install wrote no {ResourceDirectory}/kernel.json");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JUPYTER_PATH"] = Path.Combine(_root, "share", "jupyter"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(_root, "data"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(_root, "config"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(_root, "runtime"),
            ["IPYTHONDIR"] = Path.Combine(_root, "ipython"),
            ["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "python"),
        };
    }
}
