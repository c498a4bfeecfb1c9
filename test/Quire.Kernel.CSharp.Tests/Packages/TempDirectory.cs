namespace Quire.Kernel.CSharp.Tests.Packages;

/// <summary>A fresh directory under the system's temp directory, deleted with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("quire-packages-");

    public string Path => _directory.FullName;

    public void Dispose() => _directory.Delete(recursive: true);
}
