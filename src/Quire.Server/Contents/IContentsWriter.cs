namespace Quire.Server.Contents;

/// <summary>
/// Every whole-file write of the contents service (saves, copies, checkpoints) goes through here, so that it is atomic
/// and so that tests can inject a crash or a full disk in the middle of one.
/// </summary>
internal interface IContentsWriter
{
    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes: all of it, or nothing.</summary>
    Task WriteAsync(string path, Action<Stream> write, CancellationToken cancellationToken);
}
