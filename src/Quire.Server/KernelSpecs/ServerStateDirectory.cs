using Quire.Server.Hosting;

namespace Quire.Server.KernelSpecs;

/// <summary>
/// Where the server keeps its own files (kernels' connection files, the synthesised C# kernelspec): the configured
/// data directory, or a private temporary one that is removed when the server stops.
/// </summary>
internal sealed class ServerStateDirectory : IDisposable
{
    private readonly bool _temporary;

    public ServerStateDirectory(QuireServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DataDirectory is { Length: > 0 } configured)
        {
            Path = System.IO.Path.GetFullPath(configured);
            Directory.CreateDirectory(Path);
        }
        else
        {
            Path = Directory.CreateTempSubdirectory("quire-server-").FullName;
            _temporary = true;
        }
    }

    public string Path { get; }

    /// <summary>Where kernels' connection files go (the server's own, so that two servers never share one).</summary>
    public string RuntimeDirectory => System.IO.Path.Combine(Path, "runtime");

    /// <summary>A <c>kernels</c> directory holding the kernelspecs the server synthesises.</summary>
    public string KernelSpecDirectory => System.IO.Path.Combine(Path, "kernelspecs");

    public void Dispose()
    {
        if (!_temporary)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that outlived the server may still hold a file; the temporary directory is swept by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
