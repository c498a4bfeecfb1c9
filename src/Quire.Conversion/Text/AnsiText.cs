using System.Globalization;
using System.Text;

namespace Quire.Conversion.Text;

/// <summary>
/// ANSI escape codes in streams and tracebacks, as nbconvert's <c>ansi2html</c> renders them: SGR codes become spans
/// with its class names (<c>ansi-red-fg</c>, <c>ansi-bold</c>, …; 256-colour and RGB codes become inline colours),
/// every other escape sequence is dropped, and the text is HTML-escaped.
/// </summary>
internal static class AnsiText
{
    private static readonly string[] Names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];

    public static void WriteHtml(Html.HtmlWriter writer, string text)
    {
        var style = default(AnsiStyle);
        var open = false;
        var i = 0;
        while (i < text.Length)
        {
            var escape = text.IndexOf('\u001b', i);
            var end = escape < 0 ? text.Length : escape;
            if (end > i)
            {
                if (!open && !style.IsPlain)
                {
                    OpenSpan(writer, style);
                    open = true;
                }

                writer.Text(text.AsSpan(i, end - i));
            }

            if (escape < 0)
            {
                break;
            }

            i = ParseEscape(text, escape, ref style, out var changed);
            if (changed && open)
            {
                writer.Raw("</span>");
                open = false;
            }
        }

        if (open)
        {
            writer.Raw("</span>");
        }
    }

    /// <summary>The text with every escape sequence removed (for Markdown and script output).</summary>
    public static string Strip(string text)
    {
        if (!text.Contains('\u001b', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var style = default(AnsiStyle);
        var i = 0;
        while (i < text.Length)
        {
            var escape = text.IndexOf('\u001b', i);
            var end = escape < 0 ? text.Length : escape;
            builder.Append(text, i, end - i);
            if (escape < 0)
            {
                break;
            }

            i = ParseEscape(text, escape, ref style, out _);
        }

        return builder.ToString();
    }

    /// <summary>Consumes one escape sequence at <paramref name="start"/> and returns the index after it.</summary>
    private static int ParseEscape(string text, int start, ref AnsiStyle style, out bool changed)
    {
        changed = false;
        var i = start + 1;
        if (i >= text.Length || text[i] != '[')
        {
            // A lone ESC or a non-CSI sequence: drop the ESC and its one following character, as terminals would not print it.
            return Math.Min(text.Length, i + 1);
        }

        i++;
        var paramsStart = i;
        while (i < text.Length && text[i] is >= '0' and <= '?')
        {
            i++;
        }

        var paramsEnd = i;
        while (i < text.Length && text[i] is >= ' ' and <= '/')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return text.Length;
        }

        var final = text[i];
        if (final == 'm')
        {
            var before = style;
            Apply(text.AsSpan(paramsStart, paramsEnd - paramsStart), ref style);
            changed = before != style;
        }

        return i + 1;
    }

    private static void Apply(ReadOnlySpan<char> parameters, ref AnsiStyle style)
    {
        var codes = new List<int>();
        foreach (var range in parameters.Split(';'))
        {
            codes.Add(int.TryParse(parameters[range], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0);
        }

        for (var k = 0; k < codes.Count; k++)
        {
            var code = codes[k];
            switch (code)
            {
                case 0: style = default; break;
                case 1: style.Bold = true; break;
                case 3: style.Italic = true; break;
                case 4: style.Underline = true; break;
                case 7: style.Inverse = true; break;
                case 22: style.Bold = false; break;
                case 23: style.Italic = false; break;
                case 24: style.Underline = false; break;
                case 27: style.Inverse = false; break;
                case >= 30 and <= 37: style.Foreground = $"ansi-{Names[code - 30]}"; break;
                case 39: style.Foreground = null; break;
                case >= 40 and <= 47: style.Background = $"ansi-{Names[code - 40]}"; break;
                case 49: style.Background = null; break;
                case >= 90 and <= 97: style.Foreground = $"ansi-{Names[code - 90]}-intense"; break;
                case >= 100 and <= 107: style.Background = $"ansi-{Names[code - 100]}-intense"; break;
                case 38 or 48:
                    var colour = ExtendedColour(codes, ref k);
                    if (code == 38)
                    {
                        style.Foreground = colour;
                    }
                    else
                    {
                        style.Background = colour;
                    }

                    break;
                default: break;
            }
        }
    }

    /// <summary>38;5;N and 38;2;R;G;B (and 48;…): an <c>rgb(…)</c> value, or a class for the first 16 palette entries.</summary>
    private static string? ExtendedColour(List<int> codes, ref int k)
    {
        if (k + 2 < codes.Count && codes[k + 1] == 5)
        {
            var n = codes[k + 2];
            k += 2;
            return n switch
            {
                < 8 => $"ansi-{Names[n]}",
                < 16 => $"ansi-{Names[n - 8]}-intense",
                < 232 => Rgb(Cube((n - 16) / 36), Cube((n - 16) / 6 % 6), Cube((n - 16) % 6)),
                <= 255 => Rgb(((n - 232) * 10) + 8, ((n - 232) * 10) + 8, ((n - 232) * 10) + 8),
                _ => null,
            };
        }

        if (k + 4 < codes.Count && codes[k + 1] == 2)
        {
            var colour = Rgb(Math.Min(codes[k + 2], 255), Math.Min(codes[k + 3], 255), Math.Min(codes[k + 4], 255));
            k += 4;
            return colour;
        }

        return null;
    }

    private static int Cube(int i) => i == 0 ? 0 : 55 + (i * 40);

    private static string Rgb(int r, int g, int b) => string.Create(CultureInfo.InvariantCulture, $"rgb({r},{g},{b})");

    private static void OpenSpan(Html.HtmlWriter writer, AnsiStyle style)
    {
        var (fg, bg) = style.Inverse ? (style.Background ?? "ansi-default-inverse", style.Foreground ?? "ansi-default-inverse") : (style.Foreground, style.Background);
        var classes = new List<string>(5);
        var css = new StringBuilder();
        AddColour(fg, "fg", "color", classes, css);
        AddColour(bg, "bg", "background-color", classes, css);
        if (style.Bold)
        {
            classes.Add("ansi-bold");
        }

        if (style.Italic)
        {
            classes.Add("ansi-italic");
        }

        if (style.Underline)
        {
            classes.Add("ansi-underline");
        }

        writer.Raw("<span");
        if (classes.Count > 0)
        {
            writer.Raw(" class=\"").Raw(string.Join(' ', classes)).Raw("\"");
        }

        if (css.Length > 0)
        {
            writer.Raw(" style=\"").Raw(css.ToString()).Raw("\"");
        }

        writer.Raw(">");
    }

    private static void AddColour(string? colour, string suffix, string property, List<string> classes, StringBuilder css)
    {
        if (colour is null)
        {
            return;
        }

        if (colour.StartsWith("rgb(", StringComparison.Ordinal))
        {
            css.Append(property).Append(": ").Append(colour).Append(';');
        }
        else
        {
            classes.Add($"{colour}-{suffix}");
        }
    }
}
