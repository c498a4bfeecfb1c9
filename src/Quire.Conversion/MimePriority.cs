using Quire.Notebook.Json;

namespace Quire.Conversion;

/// <summary>Which representation of a mime bundle an exporter shows: the first of its priority list the bundle has.</summary>
public static class MimePriority
{
    /// <summary>nbconvert 6.5's HTMLExporter <c>display_data_priority</c>, in its order.</summary>
    public static IReadOnlyList<string> Html { get; } =
    [
        "application/vnd.jupyter.widget-view+json",
        "application/javascript",
        "text/html",
        "text/markdown",
        "image/svg+xml",
        "text/latex",
        "image/png",
        "image/jpeg",
        "text/plain",
    ];

    /// <summary>
    /// The HTML order without the types that only mean something when a script runs (widget views, JavaScript): with
    /// sanitizing on, those are passed over for the bundle's next representation, which is what Jupyter shows for an
    /// untrusted output.
    /// </summary>
    public static IReadOnlyList<string> SanitizedHtml { get; } = [.. Html.Skip(2)];

    /// <summary>nbconvert's MarkdownExporter order.</summary>
    public static IReadOnlyList<string> Markdown { get; } =
        ["text/html", "text/markdown", "image/svg+xml", "text/latex", "image/png", "image/jpeg", "text/plain"];

    /// <summary>The first type of <paramref name="priority"/> that <paramref name="data"/> holds, or null.</summary>
    public static string? Choose(JObject data, IReadOnlyList<string> priority)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(priority);
        foreach (var type in priority)
        {
            if (data[type] is not null)
            {
                return type;
            }
        }

        return null;
    }
}
