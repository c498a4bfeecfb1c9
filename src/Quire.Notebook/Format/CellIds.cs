using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>Cell ids (nbformat 4.5): generated as nbformat does, and repaired when missing or repeated.</summary>
public static class CellIds
{
    /// <summary>A new id: the first 8 hex digits of a random UUID, like nbformat's <c>random_cell_id</c>.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>In 4.5 and later, gives every cell without an id a new one and replaces repeated ids, as nbformat's validate does.</summary>
    public static JObject Repair(JObject nb, ImmutableArray<string>.Builder repairs)
    {
        if (!IsAtLeast45(nb) || nb.GetArray("cells") is not { } cells)
        {
            return nb;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        JValue[]? changed = null;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JObject cell)
            {
                continue;
            }

            var id = cell["id"];
            if (id is null)
            {
                var fresh = NewId();
                repairs.Add($"cells[{i}]: missing cell id, set to \"{fresh}\"");
                (changed ??= [.. cells.Items])[i] = cell.With("id", fresh);
                seen.Add(fresh);
            }
            else if (!seen.Add(Key(id)))
            {
                var fresh = NewId();
                repairs.Add($"cells[{i}]: duplicate cell id {JsonText.Truncate(id)}, changed to \"{fresh}\"");
                (changed ??= [.. cells.Items])[i] = cell.With("id", fresh);
                seen.Add(fresh);
            }
        }

        return changed is null ? nb : nb.With("cells", JArray.Of(changed));
    }

    /// <summary>Upgrades a 4.x notebook to 4.5 as nbformat's <c>v4.upgrade</c> does: new ids for every cell.</summary>
    public static NotebookDocument UpgradeTo45(NotebookDocument document)
    {
        if (document.FormatMinor >= 5)
        {
            return document;
        }

        var cells = document.Cells.Select(c => c.Id is null ? c.WithId(NewId()) : c);
        return document.WithCells(cells).WithFormatMinor(5);
    }

    /// <summary>Python's <c>(major, minor) &gt;= (4, 5)</c>, for integers of any size (a missing minor is 0).</summary>
    private static bool IsAtLeast45(JObject nb)
    {
        var major = IntegerSign(nb["nbformat"], 4);
        return major > 0 || (major == 0 && IntegerSign(nb["nbformat_minor"], 5) >= 0);
    }

    /// <summary>The sign of <c>value - than</c> for an integer (or boolean); -1 for anything else.</summary>
    private static int IntegerSign(JValue? value, long than) => value switch
    {
        JNumber { IsInteger: true } n when n.TryGetInt64(out var v) => v.CompareTo(than),
        JNumber { IsInteger: true } n => n.Text.StartsWith('-') ? -1 : 1,
        JLiteral { Kind: JKind.True } => 1L.CompareTo(than),
        _ => -1,
    };

    /// <summary>Ids as a Python set tells them apart: 1, 1.0 and true are one id; "1" is another.</summary>
    private static string Key(JValue id) => id switch
    {
        JString s => "s" + s.Value,
        JNumber n => "n" + (n.IsInteger ? n.Text.TrimStart('-') is "0" ? "0" : n.Text : PythonFloat.Repr(n.ToDouble())),
        JLiteral { Kind: JKind.True } => "n1",
        JLiteral { Kind: JKind.False } => "n0",
        _ => id.ToString(),
    };
}
