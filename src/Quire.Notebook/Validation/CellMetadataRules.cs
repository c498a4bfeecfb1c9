using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>Cells' <c>metadata</c>: the keys each cell type's schema names; any other key is free.</summary>
internal static class CellMetadataRules
{
    public static void Check(ValidationContext context, JValue value, CellKind kind)
    {
        if (value is not JObject metadata)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        var profile = context.Profile;
        if (kind == CellKind.Raw)
        {
            SchemaChecks.String(context, metadata, "format");
        }

        if (kind == CellKind.Code)
        {
            CheckCodeMetadata(context, metadata);
        }

        if (kind != CellKind.Unrecognized && profile.HasJupyterMetadata)
        {
            // The schemas list "source_hidden" and "outputs_hidden" beside "properties", so they constrain nothing.
            SchemaChecks.Object(context, metadata, "jupyter");
        }

        if (metadata["name"] is { } name)
        {
            using (context.Enter("name"))
            {
                CheckName(context, name);
            }
        }

        if (metadata["tags"] is { } tags)
        {
            using (context.Enter("tags"))
            {
                CheckTags(context, tags);
            }
        }
    }

    private static void CheckCodeMetadata(ValidationContext context, JObject metadata)
    {
        if (context.Profile.HasExecutionMetadata && metadata["execution"] is { } execution)
        {
            using (context.Enter("execution"))
            {
                CheckExecution(context, execution);
            }
        }

        SchemaChecks.Boolean(context, metadata, "collapsed");
        if (metadata["scrolled"] is { } scrolled && !IsScrolledValue(scrolled))
        {
            context.ReportAt("scrolled", $"expected true, false or \"auto\", found {SchemaChecks.Show(scrolled)}");
        }
    }

    /// <summary>
    /// <c>enum: [true, false, "auto"]</c> as fastjsonschema tests it, with Python's <c>in</c>: a number equal to 0 or
    /// 1 equals <c>False</c> or <c>True</c>, so it passes too.
    /// </summary>
    private static bool IsScrolledValue(JValue value) => value switch
    {
        { Kind: JKind.True or JKind.False } => true,
        JString s => s.Utf8.Span.SequenceEqual("auto"u8),
        JNumber { IsInteger: true } n => n.TryGetInt64(out var v) && v is 0 or 1,
        JNumber n => n.ToDouble() is 0.0 or 1.0,
        _ => false,
    };

    /// <summary>Strings for the four named timestamps and every key matching <c>^.*$</c>.</summary>
    private static void CheckExecution(ValidationContext context, JValue value)
    {
        if (value is not JObject execution)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        foreach (var (key, item) in execution)
        {
            if (item is not JString && PythonPatterns.IsSingleLine(key))
            {
                SchemaChecks.ReportTypeAt(context, key, "a string", item);
            }
        }
    }

    /// <summary><c>misc/metadata_name</c>.</summary>
    private static void CheckName(ValidationContext context, JValue name)
    {
        if (name is not JString text)
        {
            SchemaChecks.ReportType(context, "a string", name);
        }
        else if (!PythonPatterns.IsMetadataName(text.Utf8.Span))
        {
            context.Report("name must be a non-empty string without line feeds");
        }
    }

    /// <summary><c>misc/metadata_tags</c>: unique strings without commas.</summary>
    private static void CheckTags(ValidationContext context, JValue value)
    {
        if (value is not JArray tags)
        {
            SchemaChecks.ReportType(context, "an array", value);
            return;
        }

        HashSet<ReadOnlyMemory<byte>>? seen = null;
        for (var i = 0; i < tags.Count; i++)
        {
            using (context.Enter(i))
            {
                if (tags[i] is not JString tag)
                {
                    SchemaChecks.ReportType(context, "a string", tags[i]);
                    continue;
                }

                if (!PythonPatterns.IsTag(tag.Utf8.Span))
                {
                    context.Report("tag must be non-empty and must not contain \",\"");
                }

                seen ??= new HashSet<ReadOnlyMemory<byte>>(Utf8BytesComparer.Instance);
                if (!seen.Add(tag.Utf8))
                {
                    context.Report($"duplicate tag {SchemaChecks.Show(tag)}");
                }
            }
        }
    }
}
