using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>Code cells' <c>outputs</c>, each checked against the <c>oneOf</c> branch its <c>output_type</c> selects.</summary>
internal static class OutputRules
{
    private static readonly string[] ExecuteResultKeys = ["output_type", "data", "metadata", "execution_count"];
    private static readonly string[] DisplayDataKeys = ["output_type", "data", "metadata"];
    private static readonly string[] StreamKeys = ["output_type", "name", "text"];
    private static readonly string[] ErrorKeys = ["output_type", "ename", "evalue", "traceback"];

    public static void CheckOutputs(ValidationContext context, JValue value)
    {
        if (value is not JArray outputs)
        {
            SchemaChecks.ReportType(context, "an array", value);
            return;
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            using (context.Enter(i))
            {
                CheckOutput(context, outputs[i]);
            }
        }
    }

    public static OutputKind KindOf(JValue? outputType) => outputType is not JString s ? OutputKind.Unrecognized : s.Utf8.Span switch
    {
        var t when t.SequenceEqual("stream"u8) => OutputKind.Stream,
        var t when t.SequenceEqual("display_data"u8) => OutputKind.DisplayData,
        var t when t.SequenceEqual("execute_result"u8) => OutputKind.ExecuteResult,
        var t when t.SequenceEqual("error"u8) => OutputKind.Error,
        _ => OutputKind.Unrecognized,
    };

    private static void CheckOutput(ValidationContext context, JValue value)
    {
        if (value is not JObject output)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        if (output["output_type"] is not { } outputType)
        {
            context.Report("missing required property \"output_type\"");
            return;
        }

        switch (KindOf(outputType))
        {
            case OutputKind.ExecuteResult:
                CheckShape(context, output, ExecuteResultKeys);
                CheckRichOutput(context, output);
                if (output["execution_count"] is { } count)
                {
                    using (context.Enter("execution_count"))
                    {
                        SchemaChecks.ExecutionCount(context, count);
                    }
                }

                break;
            case OutputKind.DisplayData:
                CheckShape(context, output, DisplayDataKeys);
                CheckRichOutput(context, output);
                break;
            case OutputKind.Stream:
                CheckShape(context, output, StreamKeys);
                SchemaChecks.String(context, output, "name");
                if (output["text"] is { } text)
                {
                    using (context.Enter("text"))
                    {
                        SchemaChecks.MultilineString(context, text);
                    }
                }

                break;
            case OutputKind.Error:
                CheckShape(context, output, ErrorKeys);
                SchemaChecks.String(context, output, "ename");
                SchemaChecks.String(context, output, "evalue");
                if (output["traceback"] is { } traceback)
                {
                    using (context.Enter("traceback"))
                    {
                        SchemaChecks.StringArray(context, traceback);
                    }
                }

                break;
            default:
                // From a future minor version, an unknown output only needs its output_type (unrecognized_output).
                if (!context.Profile.FromFuture)
                {
                    context.ReportAt("output_type", $"unknown value {SchemaChecks.Show(outputType)}");
                }

                break;
        }
    }

    private static void CheckShape(ValidationContext context, JObject output, string[] keys)
    {
        SchemaChecks.Required(context, output, keys);
        SchemaChecks.NoOtherProperties(context, output, keys);
    }

    private static void CheckRichOutput(ValidationContext context, JObject output)
    {
        if (output["data"] is { } data)
        {
            using (context.Enter("data"))
            {
                MimeBundleRules.CheckBundle(context, data);
            }
        }

        SchemaChecks.Object(context, output, "metadata");
    }
}
