using Quire.Conversion.Html;
using Quire.Notebook;
using Quire.Notebook.IO;

namespace Quire.Conversion;

/// <summary>Converts notebooks to files as <c>jupyter nbconvert</c> does, writing the output and its extracted files atomically.</summary>
public static class NotebookConverter
{
    public static INotebookExporter ExporterFor(ConversionFormat format) => format switch
    {
        ConversionFormat.Html => new HtmlExporter(),
        ConversionFormat.Markdown => new Markdown.MarkdownExporter(),
        ConversionFormat.Script => new Script.ScriptExporter(),
        ConversionFormat.Notebook => new Ipynb.NotebookExporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    /// <summary>
    /// nbconvert's default output path: the input's name with the format's extension, next to the input
    /// (<c>NAME.nbconvert.ipynb</c> for notebooks, so the input is never overwritten by default).
    /// </summary>
    public static string DefaultOutputPath(string inputPath, ConversionFormat format, NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(inputPath);
        var extension = format == ConversionFormat.Notebook ? ".nbconvert.ipynb" : ExporterFor(format).FileExtension(document);
        return Path.Combine(directory, stem + extension);
    }

    /// <summary>Converts to a stream; extracted files (Markdown images) are left in <paramref name="resources"/> for the caller.</summary>
    public static void Convert(NotebookDocument document, ConversionFormat format, Stream output, ExportResources resources, ConversionOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ExporterFor(format).Export(document, output, resources, options);
    }

    /// <summary>
    /// Converts to <paramref name="outputPath"/>. Extracted files go to <c>STEM_files/</c> beside it and nowhere else;
    /// every file is written atomically, so a failure leaves what was there before.
    /// </summary>
    /// <exception cref="IOException">A file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">A file could not be written.</exception>
    public static async Task<ConversionResult> ConvertFileAsync(
        NotebookDocument document,
        ConversionFormat format,
        string outputPath,
        ConversionOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var fullOutput = Path.GetFullPath(outputPath);
        if (Directory.Exists(fullOutput))
        {
            throw new ConversionException($"{outputPath}: is a directory");
        }

        var stem = Path.GetFileNameWithoutExtension(fullOutput);
        var resources = new ExportResources(stem + "_files");
        var exporter = ExporterFor(format);
        var effective = options.Title is null ? options with { Title = StripNotebookSuffix(stem) } : options;
        await AtomicFile.WriteAsync(fullOutput, stream => exporter.Export(document, stream, resources, effective), cancellationToken).ConfigureAwait(false);
        var written = await WriteResourcesAsync(fullOutput, resources, cancellationToken).ConfigureAwait(false);
        return new ConversionResult(fullOutput, written);
    }

    private static async Task<IReadOnlyList<string>> WriteResourcesAsync(string fullOutput, ExportResources resources, CancellationToken cancellationToken)
    {
        if (resources.Files.Count == 0)
        {
            return [];
        }

        var folder = Path.Combine(Path.GetDirectoryName(fullOutput) ?? ".", resources.DirectoryName);
        Directory.CreateDirectory(folder);
        var written = new List<string>(resources.Files.Count);
        foreach (var (name, content) in resources.Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, name));
            // Names are made safe where they are added; this is the last line of defence should that ever change.
            if (!string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder), StringComparison.Ordinal))
            {
                throw new ConversionException($"{name}: refused, it would be written outside {folder}");
            }

            await AtomicFile.WriteAsync(path, content, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    private static string StripNotebookSuffix(string stem) => stem.EndsWith(".nbconvert", StringComparison.Ordinal) ? stem[..^".nbconvert".Length] : stem;
}
