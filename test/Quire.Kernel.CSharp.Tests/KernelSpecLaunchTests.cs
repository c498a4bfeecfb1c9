namespace Quire.Kernel.CSharp.Tests;

public sealed class KernelSpecLaunchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quire-launch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadyToRunImageOfTheSameModule_IsLaunched()
    {
        var plain = Path.Combine(_directory, "Kernel.dll");
        var compiled = CopyAsReadyToRun(typeof(KernelSpecLaunchTests).Assembly.Location, plain);

        Assert.Equal(compiled, KernelSpecLaunch.Choose(plain, typeof(KernelSpecLaunchTests).Module.ModuleVersionId));
    }

    [Fact]
    public void ImageOfAnotherBuild_OrNone_LaunchesThePlainAssembly()
    {
        var plain = Path.Combine(_directory, "Kernel.dll");

        var withoutImage = KernelSpecLaunch.Choose(plain, typeof(KernelSpecLaunchTests).Module.ModuleVersionId);
        CopyAsReadyToRun(typeof(KernelSpecLaunchTests).Assembly.Location, plain);
        var staleImage = KernelSpecLaunch.Choose(plain, Guid.NewGuid());

        Assert.Equal(plain, withoutImage);
        Assert.Equal(plain, staleImage);
    }

    [Fact]
    public void ThisBuildsKernel_IsLaunchedFromItsReadyToRunFolder_WhenTheBuildMadeOne()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, KernelSpecLaunch.ReadyToRunFolder);

        var launched = KernelSpecLaunch.LaunchedAssemblyPath;

        // Release builds compile the kernel ahead of time; the image must keep the assembly's module id to be chosen.
        var expected = Directory.Exists(folder) ? Path.Combine(folder, "Quire.Kernel.CSharp.dll") : KernelSpecLaunch.KernelAssemblyPath;
        Assert.Equal(expected, launched);
#if !DEBUG
        Assert.True(Directory.Exists(folder), $"a Release build was expected to write the ReadyToRun kernel to {folder}");
#endif
    }

    private static string CopyAsReadyToRun(string source, string plain)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(plain)!, KernelSpecLaunch.ReadyToRunFolder));
        var compiled = Path.Combine(folder.FullName, Path.GetFileName(plain));
        File.Copy(source, compiled);
        return compiled;
    }
}
