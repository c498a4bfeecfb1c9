using System.Net;
using System.Text;

namespace Quire.Kernel.CSharp.Display;

/// <summary>Writes a <see cref="TableModel"/> as an HTML table (every cell escaped) or as aligned plain text.</summary>
internal static class TableRenderer
{
    public static string Html(TableModel table)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (table.CountNote is { } note)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(note)).Append("</p>");
        }

        return html.ToString();
    }

    public static string Text(TableModel table)
    {
        var widths = table.Headers.Select((header, column) => table.Rows.Select(r => r[column].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendLine(text, table.Headers, widths);
        AppendLine(text, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in table.Rows)
        {
            AppendLine(text, row, widths);
        }

        if (table.CountNote is { } note)
        {
            text.Append(note);
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var column = 0; column < cells.Count; column++)
        {
            text.Append(column == cells.Count - 1 ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        text.Append('\n');
    }
}
