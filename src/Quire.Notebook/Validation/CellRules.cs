using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>
/// The schema's <c>cells</c>: each cell is checked against the <c>oneOf</c> branch its <c>cell_type</c> selects (the
/// branches' <c>cell_type</c> enums exclude each other, so this is the same verdict), and in 4.5 ids are unique.
/// </summary>
internal static class CellRules
{
    // "id" comes first so that a 4.0–4.4 notebook's keys are the same arrays without it.
    private static readonly string[] TextCellKeys = ["id", "cell_type", "metadata", "attachments", "source"];
    private static readonly string[] TextCellRequired = ["id", "cell_type", "metadata", "source"];
    private static readonly string[] CodeCellKeys = ["id", "cell_type", "metadata", "source", "outputs", "execution_count"];
    private static readonly string[] UnrecognizedRequired = ["cell_type", "metadata"];

    public static void CheckCells(ValidationContext context, JValue value)
    {
        if (value is not JArray cells)
        {
            SchemaChecks.ReportType(context, "an array", value);
            return;
        }

        var seenIds = context.Profile.HasCellIds ? new HashSet<ReadOnlyMemory<byte>>(Utf8BytesComparer.Instance) : null;
        for (var i = 0; i < cells.Count; i++)
        {
            using (context.Enter(i))
            {
                CheckCell(context, cells[i]);
                if (seenIds is not null && cells[i] is JObject cell && cell["id"] is JString id && !seenIds.Add(id.Utf8))
                {
                    context.ReportAt("id", $"duplicate cell id {SchemaChecks.Show(id)}");
                }
            }
        }
    }

    public static CellKind KindOf(JValue cellType) => cellType is not JString s ? CellKind.Unrecognized : s.Utf8.Span switch
    {
        var t when t.SequenceEqual("code"u8) => CellKind.Code,
        var t when t.SequenceEqual("markdown"u8) => CellKind.Markdown,
        var t when t.SequenceEqual("raw"u8) => CellKind.Raw,
        _ => CellKind.Unrecognized,
    };

    private static void CheckCell(ValidationContext context, JValue value)
    {
        if (value is not JObject cell)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        if (cell["cell_type"] is not { } cellType)
        {
            context.Report("missing required property \"cell_type\"");
            return;
        }

        var kind = KindOf(cellType);
        if (kind != CellKind.Unrecognized)
        {
            CheckKnownCell(context, cell, kind);
        }
        else if (context.Profile.FromFuture)
        {
            SchemaChecks.Required(context, cell, UnrecognizedRequired);
            CheckMetadata(context, cell, kind);
        }
        else
        {
            context.ReportAt("cell_type", $"unknown value {SchemaChecks.Show(cellType)}");
            return;
        }

        if (context.Profile.FromFuture)
        {
            FutureReadRules.CheckCell(context, cell, kind);
        }
    }

    private static void CheckKnownCell(ValidationContext context, JObject cell, CellKind kind)
    {
        var withIds = context.Profile.HasCellIds;
        var skip = withIds ? 0 : 1;
        var isCode = kind == CellKind.Code;
        SchemaChecks.Required(context, cell, (isCode ? CodeCellKeys : TextCellRequired).AsSpan(skip));
        SchemaChecks.NoOtherProperties(context, cell, (isCode ? CodeCellKeys : TextCellKeys).AsSpan(skip));
        if (withIds && cell["id"] is { } id)
        {
            using (context.Enter("id"))
            {
                CheckId(context, id);
            }
        }

        CheckMetadata(context, cell, kind);
        if (cell["source"] is { } source)
        {
            using (context.Enter("source"))
            {
                SchemaChecks.MultilineString(context, source);
            }
        }

        if (!isCode && cell["attachments"] is { } attachments)
        {
            using (context.Enter("attachments"))
            {
                MimeBundleRules.CheckAttachments(context, attachments);
            }
        }

        if (isCode && cell["outputs"] is { } outputs)
        {
            using (context.Enter("outputs"))
            {
                OutputRules.CheckOutputs(context, outputs);
            }
        }

        if (isCode && cell["execution_count"] is { } count)
        {
            using (context.Enter("execution_count"))
            {
                SchemaChecks.ExecutionCount(context, count);
            }
        }
    }

    private static void CheckMetadata(ValidationContext context, JObject cell, CellKind kind)
    {
        if (cell["metadata"] is { } metadata)
        {
            using (context.Enter("metadata"))
            {
                CellMetadataRules.Check(context, metadata, kind);
            }
        }
    }

    /// <summary><c>definitions/cell_id</c>.</summary>
    private static void CheckId(ValidationContext context, JValue id)
    {
        if (id is not JString text)
        {
            SchemaChecks.ReportType(context, "a string", id);
        }
        else if (!PythonPatterns.IsCellId(text.Utf8.Span))
        {
            context.Report("id must be 1–64 characters of letters, digits, \"-\" and \"_\"");
        }
    }
}
