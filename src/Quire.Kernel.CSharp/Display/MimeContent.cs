namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// A displayable value of one mime type with a text fallback: what <c>Html(...)</c>, <c>Markdown(...)</c> and the
/// other builders return. Display it, or leave it as the cell's last expression.
/// </summary>
public abstract class MimeContent : IRichDisplay
{
    private protected MimeContent(string mimeType, object data, string plainText)
    {
        MimeType = mimeType;
        Data = data;
        PlainText = plainText;
    }

    public string MimeType { get; }

    /// <summary>The value under <see cref="MimeType"/>: a string, or a JSON value for JSON types.</summary>
    public object Data { get; }

    /// <summary>What frontends without <see cref="MimeType"/> (a terminal) show instead.</summary>
    public string PlainText { get; }

    public IReadOnlyDictionary<string, object> ToMimeBundle() => new Dictionary<string, object>(StringComparer.Ordinal)
    {
        [MimeType] = Data,
        [MimeTypes.Plain] = PlainText,
    };

    public override string ToString() => PlainText;
}
