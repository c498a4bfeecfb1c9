using Quire.Conversion;
using Quire.Notebook;

namespace Quire.Cli.Convert;

/// <summary>The names <c>quire convert</c> accepts and how its output path is found.</summary>
internal static class ConvertOptions
{
    public static readonly string[] FormatNames = ["html", "markdown", "script", "notebook"];

    public static readonly string[] TemplateNames = ["lab", "classic", "basic"];

    public static ConversionFormat ParseFormat(string name) => name switch
    {
        "html" => ConversionFormat.Html,
        "markdown" => ConversionFormat.Markdown,
        "script" => ConversionFormat.Script,
        "notebook" => ConversionFormat.Notebook,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown format"),
    };

    public static HtmlTemplate ParseTemplate(string name) => name switch
    {
        "classic" => HtmlTemplate.Classic,
        "basic" => HtmlTemplate.Basic,
        _ => HtmlTemplate.Lab,
    };

    /// <summary>
    /// <c>--output</c> as given (relative to the current directory), with the format's extension added when it has
    /// none, as nbconvert adds it; without <c>--output</c>, nbconvert's default next to the input.
    /// </summary>
    public static string OutputPath(ConvertRequest request, NotebookDocument document)
    {
        if (request.OutputPath is not { Length: > 0 } given)
        {
            return NotebookConverter.DefaultOutputPath(request.InputPath, request.Format, document);
        }

        return Path.HasExtension(given) ? given : given + NotebookConverter.ExporterFor(request.Format).FileExtension(document);
    }
}
