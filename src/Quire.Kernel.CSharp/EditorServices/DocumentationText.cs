using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>The readable parts of one member's XML documentation, as plain text.</summary>
internal sealed partial record DocumentationText(string Summary, string? Returns, IReadOnlyList<(string Name, string Text)> Parameters)
{
    public static DocumentationText Parse(XElement member) => new(
        Text(member.Element("summary")),
        member.Element("returns") is { } returns ? Text(returns) : null,
        [.. member.Elements("param").Select(p => (p.Attribute("name")?.Value ?? string.Empty, Text(p)))]);

    private static string Text(XElement? element)
    {
        if (element is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder, element);
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    private static void Append(StringBuilder builder, XElement element)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    builder.Append(see.Attribute("langword")?.Value ?? ShortName(see.Attribute("cref")?.Value) ?? see.Value);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    builder.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement { Name.LocalName: "para" or "br" } para:
                    builder.Append(' ');
                    Append(builder, para);
                    break;
                case XElement child:
                    Append(builder, child);
                    break;
                default:
                    break;
            }
        }
    }

    // "M:System.Console.WriteLine(System.String)" reads as "Console.WriteLine", "T:System.String" as "String".
    private static string? ShortName(string? cref)
    {
        if (cref is null)
        {
            return null;
        }

        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren >= 0 ? name[..paren] : name;
        var parts = name.Split('.');
        var shortName = parts.Length >= 2 && !cref.StartsWith("T:", StringComparison.Ordinal) ? $"{parts[^2]}.{parts[^1]}" : parts[^1];
        return shortName.Split('`')[0];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
