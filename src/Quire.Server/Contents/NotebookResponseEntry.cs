namespace Quire.Server.Contents;

/// <summary>
/// One cached notebook GET: the model without content, the file's bytes, its signature and trust when rendered, and the
/// rendered JSON body.
/// </summary>
internal sealed record NotebookResponseEntry(ContentsModel Model, byte[] File, string? Signature, bool Trusted, byte[] Body)
{
    public long Size => File.Length + Body.Length;
}
