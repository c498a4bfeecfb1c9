using Quire.Server.Contents;

namespace Quire.Server.Tests.Contents;

/// <summary>The response cache on its own: exact bytes only, a bounded budget, renders that are waited for or fail.</summary>
public sealed class NotebookResponseCacheBudgetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quire-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Find_AnswersOnlyForTheSameBytes()
    {
        var cache = new NotebookResponseCache();
        var bytes = Bytes(300_000, seed: 1);
        cache.Store("a.ipynb", Entry(bytes));

        var same = File(bytes);
        var oneByteChanged = (byte[])bytes.Clone();
        oneByteChanged[299_999] ^= 1;
        var changed = File(oneByteChanged);
        var longer = File([.. bytes, 0x20]);

        Assert.NotNull(await cache.FindAsync("a.ipynb", same, bytes.Length));
        Assert.Null(await cache.FindAsync("a.ipynb", changed, bytes.Length));
        Assert.Null(await cache.FindAsync("a.ipynb", longer, bytes.Length));
        Assert.Null(await cache.FindAsync("b.ipynb", same, bytes.Length));
        Assert.Null(await cache.FindAsync("a.ipynb", Path.Combine(_dir, "missing"), bytes.Length));
    }

    [Fact]
    public async Task PastTheBudget_TheOldestEntriesGo()
    {
        var cache = new NotebookResponseCache(budgetBytes: 1000);
        var files = Enumerable.Range(0, 4).Select(i => Bytes(150, seed: i)).ToArray();
        for (var i = 0; i < files.Length; i++)
        {
            // 150 bytes of file and 150 of content: 300 each, so three fit in 1000.
            cache.Store($"{i}.ipynb", Entry(files[i]));
        }

        Assert.Null(await cache.FindAsync("0.ipynb", File(files[0]), 150));
        for (var i = 1; i < files.Length; i++)
        {
            Assert.NotNull(await cache.FindAsync($"{i}.ipynb", File(files[i]), 150));
        }
    }

    [Fact]
    public async Task AnEntryOverHalfTheBudget_IsNotKept()
    {
        var cache = new NotebookResponseCache(budgetBytes: 1000);
        var bytes = Bytes(300, seed: 3);
        cache.Store("big.ipynb", Entry(bytes));

        Assert.Null(await cache.FindAsync("big.ipynb", File(bytes), 300));
    }

    [Fact]
    public async Task APreparedRender_IsWaitedFor_AndAFailedOneIsAMiss()
    {
        var cache = new NotebookResponseCache();
        var bytes = Bytes(100, seed: 4);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cache.Prepare("slow.ipynb", async () =>
        {
            await release.Task;
            return Entry(bytes);
        });
        cache.Prepare("broken.ipynb", () => throw new InvalidOperationException("render failed"));

        var finding = cache.FindAsync("slow.ipynb", File(bytes), 100).AsTask();
        Assert.False(finding.IsCompleted, "a GET must wait for the save's render, not miss it");
        release.SetResult();

        Assert.NotNull(await finding.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Null(await cache.FindAsync("broken.ipynb", File(bytes), 100));
    }

    [Fact]
    public async Task Forget_DropsTheEntry()
    {
        var cache = new NotebookResponseCache();
        var bytes = Bytes(100, seed: 5);
        cache.Store("a.ipynb", Entry(bytes));
        cache.Forget("a.ipynb");

        Assert.Null(await cache.FindAsync("a.ipynb", File(bytes), 100));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static NotebookResponseEntry Entry(byte[] file)
    {
        var content = new RenderedJson();
        content.Write(new byte[file.Length]);
        return new NotebookResponseEntry(file, null, false, content, null);
    }

    private string File(byte[] bytes)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }
}
