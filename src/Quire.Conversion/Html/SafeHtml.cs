using System.Buffers;
using System.Text.RegularExpressions;

namespace Quire.Conversion.Html;

/// <summary>
/// A strict allowlist check that proves a fragment needs no sanitizing: only plain tags (tables, text formatting,
/// lists, headings), only inert attributes, quoted values without entities, and URLs of safe schemes. The typical
/// output (a pandas table, Markdown rendered by Markdig) passes and is written as is; anything else, however harmless,
/// goes through HtmlSanitizer. This is about speed: a full sanitizer parse of every table costs most of a conversion.
/// </summary>
internal static partial class SafeHtml
{
    private static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "i", "u", "s", "em", "strong", "code", "pre", "kbd", "samp", "var", "sub", "sup", "small", "mark", "del", "ins",
        "p", "br", "hr", "div", "span", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "img", "figure", "figcaption",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "class", "id", "title", "alt", "border", "colspan", "rowspan", "align", "valign", "width", "height", "start", "style", "href", "src", "scope",
    };

    private static readonly SearchValues<char> ValueSpecials = SearchValues.Create("&<>\"'`\\");

    public static bool IsSafe(string html)
    {
        var position = 0;
        while (true)
        {
            var open = html.IndexOf('<', position);
            if (open < 0)
            {
                return html.AsSpan(position).IndexOf('>') < 0;
            }

            if (html.AsSpan(position, open - position).IndexOf('>') >= 0)
            {
                return false;
            }

            var match = Tag().Match(html, open);
            if (!match.Success || match.Index != open || !Tags.Contains(match.Groups["name"].Value))
            {
                return false;
            }

            var names = match.Groups["attr"].Captures;
            var values = match.Groups["value"].Captures;
            if (names.Count != values.Count)
            {
                return false;
            }

            for (var k = 0; k < names.Count; k++)
            {
                if (!IsSafeAttribute(names[k].Value, values[k].Value))
                {
                    return false;
                }
            }

            position = match.Index + match.Length;
        }
    }

    private static bool IsSafeAttribute(string name, string value)
    {
        if (!Attributes.Contains(name) || value.AsSpan().IndexOfAny(ValueSpecials) >= 0)
        {
            return false;
        }

        if (name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            // No parentheses: no url(…), expression(…) or anything else that fetches or evaluates.
            return value.AsSpan().IndexOfAny("()@") < 0;
        }

        if (name.Equals("href", StringComparison.OrdinalIgnoreCase) || name.Equals("src", StringComparison.OrdinalIgnoreCase))
        {
            return SafeUrl().IsMatch(value);
        }

        return true;
    }

    // A start or end tag with double-quoted attributes only; unquoted or single-quoted values fall back to the sanitizer.
    [GeneratedRegex("""\G</?(?<name>[a-zA-Z][a-zA-Z0-9]*)(?:\s+(?<attr>[a-zA-Z][a-zA-Z0-9-]*)="(?<value>[^"]*)")*\s*/?>""", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // http(s) and mailto followed by URL characters only, data: images, and relative URLs (no colon, so no scheme;
    // no control characters or spaces, which browsers strip before reading a scheme).
    [GeneratedRegex(@"^(?:(?:https?://|mailto:)[A-Za-z0-9._~/?#%=+,;:@!$*-]*|data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*|[A-Za-z0-9._~/?#%=+,-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeUrl();
}
