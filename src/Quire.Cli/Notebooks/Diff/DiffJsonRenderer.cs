using System.Text.Encodings.Web;
using System.Text.Json;
using Quire.Notebook.Diffing;
using Quire.Notebook.Json;

namespace Quire.Cli.Notebooks.Diff;

/// <summary>Writes a <see cref="NotebookDiff"/> as JSON (the schema is in <c>quire nb diff --help</c>).</summary>
internal static class DiffJsonRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Render(NotebookDiff diff, DiffSides sides)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("old", sides.OldName);
            json.WriteString("new", sides.NewName);
            if (sides.GitPath is not null)
            {
                json.WriteString("path", sides.GitPath);
            }

            json.WriteBoolean("changed", diff.HasChanges);
            json.WriteStartObject("summary");
            foreach (var kind in Enum.GetValues<CellChangeKind>())
            {
                json.WriteNumber(Name(kind), diff.Count(kind));
            }

            json.WriteEndObject();
            WriteChanges(json, "notebook", diff.Notebook);
            json.WriteStartArray("cells");
            foreach (var cell in diff.Cells)
            {
                WriteCell(json, cell);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteCell(Utf8JsonWriter json, CellDiff cell)
    {
        json.WriteStartObject();
        json.WriteString("status", Name(cell.Kind));
        WriteIndex(json, "old_index", cell.OldIndex);
        WriteIndex(json, "new_index", cell.NewIndex);
        json.WriteString("cell_type", cell.Cell.CellType);
        if (cell.Cell.Id is { } id)
        {
            json.WriteString("id", id);
        }

        if (cell.CellTypeChanged)
        {
            json.WriteString("old_cell_type", cell.Old!.CellType);
        }

        IReadOnlyList<DiffLine> lines = cell.Kind switch
        {
            CellChangeKind.Added => SourceLineDiff.Whole(cell.New!.Source, DiffLineKind.Added),
            CellChangeKind.Removed => SourceLineDiff.Whole(cell.Old!.Source, DiffLineKind.Removed),
            _ when cell.SourceChanged => SourceLineDiff.Between(cell.Old!.Source, cell.New!.Source),
            _ => [],
        };
        if (lines.Count > 0)
        {
            json.WriteStartArray("source");
            foreach (var line in lines)
            {
                json.WriteStringValue(line.ToString());
            }

            json.WriteEndArray();
        }

        if (cell.ExecutionCountChanged)
        {
            json.WriteStartObject("execution_count");
            WriteValue(json, "old", cell.Old!.Json["execution_count"] ?? JLiteral.Null);
            WriteValue(json, "new", cell.New!.Json["execution_count"] ?? JLiteral.Null);
            json.WriteEndObject();
        }

        if (cell.Outputs is { } outputs)
        {
            json.WriteStartObject("outputs");
            json.WriteNumber("old_count", outputs.OldCount);
            json.WriteNumber("new_count", outputs.NewCount);
            json.WriteStartArray("changes");
            foreach (var detail in outputs.Details)
            {
                json.WriteStringValue(detail);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        if (!cell.Changes.IsEmpty)
        {
            WriteChanges(json, "changes", cell.Changes);
        }

        json.WriteEndObject();
    }

    private static void WriteChanges(Utf8JsonWriter json, string name, IEnumerable<JsonChange> changes)
    {
        json.WriteStartArray(name);
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("path", change.Path);
            json.WriteString("change", change.Kind.ToString().ToLowerInvariant());
            if (change.Old is not null)
            {
                WriteValue(json, "old", change.Old);
            }

            if (change.New is not null)
            {
                WriteValue(json, "new", change.New);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteIndex(Utf8JsonWriter json, string name, int? index)
    {
        if (index is { } value)
        {
            json.WriteNumber(name, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string name, JValue value)
    {
        json.WritePropertyName(name);
        var text = JsonText.ToCompactString(value);
        try
        {
            json.WriteRawValue(text);
        }
        catch (JsonException)
        {
            // Python's JSON allows NaN and Infinity, which strict JSON does not: such a value is given as its text.
            json.WriteStringValue(text);
        }
    }

    private static string Name(CellChangeKind kind) => kind.ToString().ToLowerInvariant();
}
