using System.Reflection;

namespace Quire.Conversion.Html;

/// <summary>The page around the cells for the <c>lab</c> and <c>classic</c> templates: doctype, title and the inline stylesheet.</summary>
internal static class HtmlPage
{
    private static readonly Lazy<string> Base = new(() => Resource("base.css"));
    private static readonly Lazy<string> Lab = new(() => Resource("lab.css"));
    private static readonly Lazy<string> Classic = new(() => Resource("classic.css"));

    public static void WriteHead(HtmlWriter writer, ConversionOptions options)
    {
        writer.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n")
            .Raw("<meta name=\"generator\" content=\"quire convert\">\n<title>")
            .Text(options.Title ?? "Notebook")
            .Raw("</title>\n<style>\n")
            .Raw(Base.Value)
            .Raw(options.Template == HtmlTemplate.Classic ? Classic.Value : Lab.Value)
            .Raw("</style>\n</head>\n<body class=\"jp-Notebook-body quire-")
            .Raw(options.Template == HtmlTemplate.Classic ? "classic" : "lab")
            .Raw("\">\n");
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Quire.Conversion." + name)
            ?? throw new InvalidOperationException($"the embedded stylesheet {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
