using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>
/// Reads notebooks as Python's <c>nbformat.read(f, as_version=4)</c> does: nbformat 4.0–4.5 kept at their minor
/// version, nbformat 3 converted to 4, text joined, transient keys dropped, and in 4.5 missing or duplicate cell ids
/// repaired. Schema errors are not raised here: validate with <see cref="Validation.NotebookValidator"/>.
/// </summary>
public static class NotebookReader
{
    /// <exception cref="NotebookFormatException">The input is not JSON, not an object, or of an unsupported nbformat version.</exception>
    public static NotebookReadResult Read(ReadOnlyMemory<byte> utf8, string? fileName = null)
    {
        JValue value;
        try
        {
            value = JsonParser.Parse(utf8);
        }
        catch (JsonSyntaxException ex)
        {
            throw new NotebookFormatException($"not valid JSON: {ex.Reason}", fileName, ex.Line, ex.Column, ex);
        }

        if (value is not JObject root)
        {
            throw new NotebookFormatException($"a notebook is a JSON object, not {Article(value.TypeName)}", fileName);
        }

        // As in Python, an object without "nbformat" is read as nbformat 1.
        var major = root["nbformat"] ?? 1;
        if (major is not JNumber { IsInteger: true } number || !number.TryGetInt64(out var version))
        {
            throw new NotebookFormatException($"unsupported nbformat version {JsonText.Truncate(major)}", fileName);
        }

        root = version switch
        {
            // Python's v4 reader joins text and strips transient keys; a v3 notebook gets the v3 reader's joining and
            // then the upgrade instead, never the v4 steps (so, as in Python, metadata.orig_nbformat is kept in memory).
            4 => NbformatTransforms.StripTransient(NbformatTransforms.RejoinLines(root)),
            1 or 2 or 3 => Convert(root, version, fileName),
            _ => throw new NotebookFormatException($"unsupported nbformat version {version}", fileName),
        };

        var repairs = ImmutableArray.CreateBuilder<string>();
        root = CellIds.Repair(root, repairs);
        return new NotebookReadResult(new NotebookDocument(root), repairs.ToImmutable());
    }

    /// <summary>
    /// An nbformat 4 notebook as <see cref="Read(ReadOnlyMemory{byte}, string?)"/> would return it after a
    /// <see cref="NotebookWriter"/> round trip: text joined, transient keys dropped, cell ids repaired. The writer
    /// and this reader's other steps only normalise what <see cref="PythonJsonWriter"/> writes the same either way
    /// (number spellings, string escapes), so the two render to the same bytes.
    /// </summary>
    public static NotebookDocument AsReadBack(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.Format != 4)
        {
            throw new ArgumentException($"nbformat 4 only, not {notebook.Format}", nameof(notebook));
        }

        return new NotebookDocument(CellIds.Repair(NbformatTransforms.StripTransient(NbformatTransforms.RejoinLines(notebook.Json)), ImmutableArray.CreateBuilder<string>()));
    }

    public static NotebookReadResult Read(string json, string? fileName = null) => Read(System.Text.Encoding.UTF8.GetBytes(json), fileName);

    public static async Task<NotebookReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException($"cannot read the file: {ex.Message}", path, inner: ex);
        }

        return Read(bytes, path);
    }

    private static JObject Convert(JObject root, long version, string? fileName)
    {
        try
        {
            return version == 3 ? V3Converter.Convert(root) : LegacyConverter.ToV4(root, version);
        }
        catch (NotebookFormatException ex) when (fileName is not null)
        {
            throw ex.InFile(fileName);
        }
    }

    private static string Article(string typeName) => typeName is "array" or "integer" ? $"an {typeName}" : $"a {typeName}";
}
