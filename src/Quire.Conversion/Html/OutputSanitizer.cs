using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Quire.Conversion.Html;

/// <summary>
/// HTML from a notebook (text/html outputs, raw HTML in Markdown), cleaned with HtmlSanitizer: no scripts, no event
/// handler attributes, no <c>javascript:</c> or other active URLs, no forms or frames. Images may be <c>data:</c>
/// URIs of image types only, so attachments and inline plots survive. Fragments that <see cref="SafeHtml"/> proves
/// harmless skip the full parse.
/// </summary>
internal sealed partial class OutputSanitizer
{
    // Built on first need: constructing it and its first parse cost more than converting a typical notebook.
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(Create);

    /// <summary>The fragment as is when <see cref="SafeHtml"/> proves it harmless, else HtmlSanitizer's cleaned copy.</summary>
    public string Sanitize(string html) => SafeHtml.IsSafe(html) ? html : _sanitizer.Value.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.OriginalUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && !DataImage().IsMatch(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"^data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DataImage();
}
