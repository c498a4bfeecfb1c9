using Quire.Server.KernelSpecs;

namespace Quire.Server.Tests.KernelSpecs;

public sealed class KernelSpecResourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quire-spec-").FullName;

    public KernelSpecResourceTests()
    {
        File.WriteAllText(Path.Combine(_directory, "logo-32x32.png"), "png");
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        File.WriteAllText(Path.Combine(_directory, "sub", "kernel.js"), "js");
    }

    [Theory]
    [InlineData("logo-32x32.png")]
    [InlineData("sub/kernel.js")]
    public void FilesInside_Resolve(string relative)
    {
        Assert.Equal(Path.Combine(_directory, relative), KernelSpecResource.Resolve(_directory, relative));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("sub/../logo-32x32.png")]
    [InlineData("./logo-32x32.png")]
    [InlineData("/etc/passwd")]
    [InlineData("sub//kernel.js")]
    [InlineData("sub\\kernel.js")]
    [InlineData("logo-32x32.png\0")]
    [InlineData("sub")]
    [InlineData("missing.png")]
    public void UnsafeOrMissing_DoesNotResolve(string relative)
    {
        Assert.Null(KernelSpecResource.Resolve(_directory, relative));
    }

    [Fact]
    public void SiblingDirectorySharingThePrefix_DoesNotResolve()
    {
        var sibling = _directory + "-evil";
        Directory.CreateDirectory(sibling);
        try
        {
            File.WriteAllText(Path.Combine(sibling, "x.png"), "x");

            Assert.Null(KernelSpecResource.Resolve(_directory, $"../{Path.GetFileName(sibling)}/x.png"));
        }
        finally
        {
            Directory.Delete(sibling, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
