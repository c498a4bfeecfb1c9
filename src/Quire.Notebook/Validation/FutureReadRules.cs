using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>
/// What nbformat's read needs beyond the relaxed schema of a notebook from a future minor version. Its
/// <c>rejoin_lines</c> joins lists of strings and iterates attachments, and its <c>_normalize</c> hashes cell ids
/// and output types; where the relaxed schema lets a value through that these steps fail on, Python raises, so the
/// notebook is not valid. For 4.0–4.5 the schemas already reject every such value.
/// </summary>
internal static class FutureReadRules
{
    public static void CheckCell(ValidationContext context, JObject cell, CellKind kind)
    {
        if (kind == CellKind.Unrecognized)
        {
            if (cell["source"] is JArray source)
            {
                using (context.Enter("source"))
                {
                    SchemaChecks.StringItems(context, source);
                }
            }

            if (cell["id"] is { Kind: JKind.Array or JKind.Object } id)
            {
                context.ReportAt("id", $"id must not be {SchemaChecks.Describe(id)}: nbformat cannot compare it");
            }
        }

        if (kind is CellKind.Unrecognized or CellKind.Code && cell["attachments"] is { } attachments)
        {
            using (context.Enter("attachments"))
            {
                CheckAttachments(context, attachments);
            }
        }

        if (kind == CellKind.Code && cell["outputs"] is JArray outputs)
        {
            using (context.Enter("outputs"))
            {
                CheckOutputs(context, outputs);
            }
        }
    }

    /// <summary><c>attachments.items()</c>, then each attachment's <c>.items()</c>.</summary>
    private static void CheckAttachments(ValidationContext context, JValue value)
    {
        if (value is not JObject attachments)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        foreach (var (name, bundle) in attachments)
        {
            if (bundle is not JObject)
            {
                SchemaChecks.ReportTypeAt(context, name, "an object", bundle);
            }
        }
    }

    private static void CheckOutputs(ValidationContext context, JArray outputs)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is not JObject output || output["output_type"] is not { } outputType)
            {
                continue;
            }

            using (context.Enter(i))
            {
                if (outputType.Kind is JKind.Array or JKind.Object)
                {
                    context.ReportAt("output_type", $"output_type must not be {SchemaChecks.Describe(outputType)}: nbformat cannot compare it");
                }
                else if (OutputRules.KindOf(outputType) switch
                {
                    OutputKind.Unrecognized => IsTruthy(outputType),
                    OutputKind.Error => true,
                    _ => false,
                })
                {
                    // rejoin_lines joins the "text" of any output that is not execute_result or display_data.
                    if (output["text"] is JArray text)
                    {
                        using (context.Enter("text"))
                        {
                            SchemaChecks.StringItems(context, text);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Python's truth value of a JSON scalar.</summary>
    private static bool IsTruthy(JValue value) => value switch
    {
        JString s => s.Utf8Length > 0,
        JNumber n => n.ToDouble() != 0.0,
        _ => value.Kind == JKind.True,
    };
}
