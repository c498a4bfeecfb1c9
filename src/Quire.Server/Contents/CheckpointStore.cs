using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>
/// jupyter_server's FileCheckpoints: one checkpoint per file, id "checkpoint", kept as
/// <c>.ipynb_checkpoints/&lt;stem&gt;-checkpoint&lt;ext&gt;</c> beside the file. Copies in both directions are atomic.
/// </summary>
internal sealed class CheckpointStore(IContentsWriter writer)
{
    public const string DirectoryName = ".ipynb_checkpoints";
    public const string Id = "checkpoint";

    public async Task<JObject> CreateAsync(ContentsPath file, CancellationToken cancellationToken)
    {
        var checkpoint = PathOf(file);
        Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
        await CopyAsync(file.FullPath, checkpoint, cancellationToken).ConfigureAwait(false);
        return Model(checkpoint);
    }

    public static IReadOnlyList<JObject> List(ContentsPath file)
    {
        var checkpoint = PathOf(file);
        return File.Exists(checkpoint) ? [Model(checkpoint)] : [];
    }

    public async Task RestoreAsync(ContentsPath file, string id, string target, CancellationToken cancellationToken)
    {
        var checkpoint = Existing(file, id);
        await CopyAsync(checkpoint, target, cancellationToken).ConfigureAwait(false);
    }

    public static void Delete(ContentsPath file, string id) => File.Delete(Existing(file, id));

    /// <summary>Removes the checkpoint of a deleted file, if it had one.</summary>
    public static void DeleteAll(ContentsPath file)
    {
        var checkpoint = PathOf(file);
        if (File.Exists(checkpoint))
        {
            File.Delete(checkpoint);
        }
    }

    /// <summary>Moves a renamed file's checkpoint along with it (a directory's move takes its checkpoints anyway).</summary>
    public static void RenameAll(ContentsPath from, ContentsPath to)
    {
        var source = PathOf(from);
        if (!File.Exists(source))
        {
            return;
        }

        var destination = PathOf(to);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Move(source, destination, overwrite: true);
    }

    private static string PathOf(ContentsPath file)
    {
        var (stem, extension) = ContentsNames.SplitExtension(file.Name);
        return Path.Join(Path.GetDirectoryName(file.FullPath), DirectoryName, $"{stem}-{Id}{extension}");
    }

    private static string Existing(ContentsPath file, string id)
    {
        var checkpoint = PathOf(file);
        if (id != Id || !File.Exists(checkpoint))
        {
            throw ApiException.NotFound($"Checkpoint does not exist: {file.ApiPath}@{id}");
        }

        return checkpoint;
    }

    private static JObject Model(string checkpoint) => JObject.Of(
        ("id", Id),
        ("last_modified", JupyterTimestamp.Iso(File.GetLastWriteTimeUtc(checkpoint))));

    private Task CopyAsync(string source, string destination, CancellationToken cancellationToken) =>
        writer.WriteAsync(destination, stream =>
        {
            using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            input.CopyTo(stream);
        }, cancellationToken);
}
