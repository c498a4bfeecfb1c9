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
            else if (id is JString s && !seen.Add(s.Value))
            {
                var fresh = NewId();
                repairs.Add($"cells[{i}]: duplicate cell id \"{s.Value}\", changed to \"{fresh}\"");
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

    private static bool IsAtLeast45(JObject nb) =>
        nb["nbformat"] is JNumber major && major.TryGetInt64(out var ma) &&
        nb["nbformat_minor"] is JNumber minor && minor.TryGetInt64(out var mi) && (ma > 4 || (ma == 4 && mi >= 5));
}
