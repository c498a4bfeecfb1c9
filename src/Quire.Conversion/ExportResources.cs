using System.Buffers.Text;

namespace Quire.Conversion;

/// <summary>
/// Files an exporter extracts next to its output (nbconvert's <c>resources['outputs']</c>): images of the Markdown
/// exporter, written to <c>NAME_files/</c>. Names are made here from cell and output positions, or sanitized from
/// attachment names, so no name from a notebook can leave that folder.
/// </summary>
public sealed class ExportResources
{
    private readonly List<KeyValuePair<string, ReadOnlyMemory<byte>>> _files = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="directoryName">The folder name used in links, e.g. <c>report_files</c>.</param>
    public ExportResources(string directoryName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directoryName);
        DirectoryName = directoryName;
    }

    public string DirectoryName { get; }

    public IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> Files => _files;

    /// <summary>Adds base64 data as a file and returns the link to it (<c>DIR/name</c>), or null when the data is not base64.</summary>
    public string? AddBase64(string proposedName, ReadOnlySpan<byte> base64Utf8)
    {
        var clean = Base64Data.WithoutWhitespace(base64Utf8);
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(clean.Length)];
        if (Base64.DecodeFromUtf8(clean, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        return Add(proposedName, bytes.AsMemory(0, written));
    }

    /// <summary>Adds a file and returns the link to it; the name is made safe and unique first.</summary>
    public string Add(string proposedName, ReadOnlyMemory<byte> content)
    {
        var name = Unique(SafeFileName.From(proposedName));
        _files.Add(new(name, content));
        return $"{DirectoryName}/{Uri.EscapeDataString(name)}";
    }

    private string Unique(string name)
    {
        var candidate = name;
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var i = 1; !_names.Add(candidate); i++)
        {
            candidate = $"{stem}_{i}{extension}";
        }

        return candidate;
    }
}
