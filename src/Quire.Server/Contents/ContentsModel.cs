using Quire.Notebook.Json;
using Quire.Server.Http;

namespace Quire.Server.Contents;

/// <summary>
/// A contents model with jupyter_server 2's fields: name, path, type, writable, created, last_modified, mimetype,
/// format, content, size, hash, hash_algorithm, and message when a notebook failed validation.
/// </summary>
internal sealed record ContentsModel
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    /// <summary>directory, file or notebook.</summary>
    public required string Type { get; init; }

    public required bool Writable { get; init; }

    public required DateTime Created { get; init; }

    public required DateTime LastModified { get; init; }

    public string? Mimetype { get; init; }

    /// <summary>json, text or base64 when content is present, else null.</summary>
    public string? Format { get; init; }

    /// <summary>A listing (array of models), the notebook, or the file's text or base64; null without content.</summary>
    public JValue? Content { get; init; }

    public long? Size { get; init; }

    public string? Hash { get; init; }

    public string? HashAlgorithm { get; init; }

    public string? Message { get; init; }

    /// <summary>
    /// The content already rendered as compact JSON (a notebook from the response cache), written into the response in
    /// place of <see cref="Content"/>, which is then null.
    /// </summary>
    public RenderedJson? RenderedContent { get; init; }

    public JObject ToJson()
    {
        var builder = new JObjectBuilder()
            .Set("name", Name)
            .Set("path", Path)
            .Set("last_modified", JupyterTimestamp.Iso(LastModified))
            .Set("created", JupyterTimestamp.Iso(Created))
            .Set("content", Content ?? JLiteral.Null)
            .Set("format", OrNull(Format))
            .Set("mimetype", OrNull(Mimetype))
            .Set("size", Size is { } size ? size : JLiteral.Null)
            .Set("writable", Writable)
            .Set("hash", OrNull(Hash))
            .Set("hash_algorithm", OrNull(HashAlgorithm))
            .Set("type", Type);
        if (Message is not null)
        {
            builder.Set("message", Message);
        }

        return builder.Build();
    }

    private static JValue OrNull(string? value) => value is null ? JLiteral.Null : value;
}
