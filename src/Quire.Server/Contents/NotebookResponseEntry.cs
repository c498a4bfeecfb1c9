namespace Quire.Server.Contents;

/// <summary>
/// One notebook as a GET returns it, for the bytes of its file: the notebook rendered as the model's <c>content</c>
/// (compact JSON, cells marked trusted or not), the validation message, and the signature with the trust it was
/// rendered with. The model's other fields (times, size, writability, hash) are not part of it: they are rendered
/// afresh on every GET.
/// </summary>
internal sealed record NotebookResponseEntry(byte[] File, string? Signature, bool Trusted, RenderedJson Content, string? Message)
{
    public long Size => File.Length + Content.Length;
}
