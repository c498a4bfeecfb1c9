using System.Security.Cryptography;
using Quire.Conformance.CSharpKernel;

namespace Quire.Conformance.Server;

/// <summary>
/// A Jupyter server the client scenarios drive, shared by the tests of a class: a temporary root, a known token, and a
/// temporary Jupyter environment holding the C# kernelspec <c>quire kernel install</c> wrote, so that the server finds
/// <c>python3</c> (Debian's ipykernel) and <c>csharp</c>. It starts on first use, so that a test skipped for a
/// missing component never starts it, and its process tree is killed on disposal.
/// </summary>
public abstract class ServerUnderTest : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly InstalledCSharpKernel _csharpKernel = new();
    private readonly Lazy<Task<Uri>> _baseUrl;
    private ServerProcess? _process;

    protected ServerUnderTest() => _baseUrl = new Lazy<Task<Uri>>(StartAsync);

    /// <summary>The server's name in failure messages.</summary>
    public abstract string Name { get; }

    /// <summary>The token every scenario presents (and the auth scenario withholds).</summary>
    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The directory served: empty at start, deleted on disposal.</summary>
    public string RootDirectory { get; } = Directory.CreateTempSubdirectory("quire-server-root-").FullName;

    /// <summary>The last lines the server wrote, for failure messages; empty before it starts.</summary>
    internal string OutputTail => _process?.OutputTail ?? "";

    /// <summary>Skips the test (fails it on CI) when something this server needs is missing.</summary>
    public abstract void RequireComponents();

    /// <summary>Starts the server on first call; the base URL its clients use.</summary>
    internal Task<Uri> BaseUrlAsync(CancellationToken cancellationToken) => _baseUrl.Value.WaitAsync(cancellationToken);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _csharpKernel.Dispose();
        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A kernel's working files may linger a moment after the kill; the temp directory is swept later.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the server process with <paramref name="environment"/>; the process and its base URL.</summary>
    internal abstract Task<(ServerProcess Process, Uri BaseUrl)> LaunchAsync(
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken);

    private async Task<Uri> StartAsync()
    {
        var environment = await _csharpKernel.EnvironmentAsync(CancellationToken.None);
        var (process, baseUrl) = await LaunchAsync(environment, StartTimeout, CancellationToken.None);
        _process = process;
        return baseUrl;
    }
}
