using System.Text.Json;
using Quire.Kernel.CSharp.Display;

namespace Quire.Kernel.CSharp.Execution;

/// <summary>
/// Turns a value into a mime bundle, for a cell's result and for <c>Display(...)</c>. In order: a type's own
/// representation (<see cref="IRichDisplay"/>), a formatter registered for it (<see cref="FormatterRegistry"/>),
/// then tables for sequences, dictionaries and structured objects; scalars are text. <c>text/plain</c> is always
/// there, for terminals and for frontends that cannot show the richer types.
/// </summary>
internal static class ValueFormatter
{
    public static Dictionary<string, JsonElement> Format(object? value) =>
        Format(value, FormatterRegistry.Shared, FormatterRegistry.Shared.RowLimit);

    public static Dictionary<string, JsonElement> Format(object? value, FormatterRegistry registry, int rowLimit)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (value is IRichDisplay rich)
        {
            return MimeBundle.From(rich.ToMimeBundle(), () => value.ToString() ?? string.Empty);
        }

        if (value is not null && registry.Find(value.GetType()) is { } html)
        {
            return Bundle(html(value), PlainText(value, rowLimit));
        }

        var table = TableBuilder.Build(value, rowLimit);
        return table is null
            ? new() { [MimeTypes.Plain] = MimeBundle.Text(PlainText(value, rowLimit)) }
            : Bundle(TableRenderer.Html(table), PlainText(value, table));
    }

    public static string PlainText(object? value) => PlainText(value, FormatterRegistry.Shared.RowLimit);

    public static string PlainText(object? value, int rowLimit) =>
        ValueShape.IsScalar(value) ? ValueShape.Inline(value, depth: 0) : TableBuilder.Build(value, rowLimit) is { } table ? PlainText(value, table) : ValueShape.Inline(value, depth: 0);

    private static string PlainText(object? value, TableModel table)
    {
        if (!table.IsSequence)
        {
            // A single object reads best inline: records print themselves, other objects list their members.
            return ValueShape.Inline(value, depth: 0);
        }

        if (table.Headers is ["index", "value"])
        {
            var list = $"[{string.Join(", ", table.Rows.Select(r => r[1]))}{(table.IsTruncated ? ", …" : string.Empty)}]";
            return table.IsTruncated ? $"{list}\n{table.CountNote}" : list;
        }

        return TableRenderer.Text(table);
    }

    private static Dictionary<string, JsonElement> Bundle(string html, string plain) => new()
    {
        [MimeTypes.Html] = MimeBundle.Text(html),
        [MimeTypes.Plain] = MimeBundle.Text(plain),
    };
}
