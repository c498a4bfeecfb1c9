using System.Text;
using Quire.Notebook.IO;

namespace Quire.Notebook.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("quire-atomic-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_ReplacesTheContent_KeepsTheMode_AndLeavesNothingBeside()
    {
        var path = Path.Combine(_directory, "a.txt");
        await File.WriteAllTextAsync(path, "old", Ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await AtomicFile.WriteAsync(path, "new"u8.ToArray(), Ct);

        Assert.Equal("new", await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(["a.txt"], Names());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task DeferredRelease_PutsTheNewContentInPlace_ThenRemovesTheOldName()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "hard links are taken on Linux here");
        var path = Path.Combine(_directory, "n.ipynb");
        await File.WriteAllTextAsync(path, new string('x', 100_000), Ct);

        var release = await AtomicFile.ReplaceDeferringReleaseAsync(path, s => s.Write(Encoding.UTF8.GetBytes("new")), Ct);

        // In place before the old content is released: a reader never sees the old content or a missing file again.
        Assert.Equal("new", await File.ReadAllTextAsync(path, Ct));
        Assert.NotSame(Task.CompletedTask, release);
        await release.WaitAsync(Timeout, Ct);
        Assert.Equal(["n.ipynb"], Names());
    }

    [Fact]
    public async Task DeferredRelease_OfANewFile_HasNothingToRelease()
    {
        var path = Path.Combine(_directory, "new.txt");

        var release = await AtomicFile.ReplaceDeferringReleaseAsync(path, s => s.Write("first"u8), Ct);

        Assert.True(release.IsCompletedSuccessfully, "a file that did not exist has no old content to release");
        Assert.Equal("first", await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(["new.txt"], Names());
    }

    [Fact]
    public async Task AFailingWrite_LeavesTheOldContent_AndNoTemporaryOrOldName()
    {
        var path = Path.Combine(_directory, "a.txt");
        await File.WriteAllTextAsync(path, "old", Ct);

        var error = await Assert.ThrowsAsync<IOException>(() => AtomicFile.ReplaceDeferringReleaseAsync(
            path,
            s =>
            {
                s.Write("partial"u8);
                throw new IOException("No space left on device");
            },
            Ct));

        Assert.Equal("No space left on device", error.Message);
        Assert.Equal("old", await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(["a.txt"], Names());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string[] Names() => [.. Directory.GetFileSystemEntries(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
