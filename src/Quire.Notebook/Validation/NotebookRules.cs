using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>The schema's root object and the notebook's <c>metadata</c>.</summary>
internal static class NotebookRules
{
    private static readonly string[] RootKeys = ["metadata", "nbformat_minor", "nbformat", "cells"];

    public static void Check(ValidationContext context, JObject notebook)
    {
        SchemaChecks.Required(context, notebook, RootKeys);
        SchemaChecks.NoOtherProperties(context, notebook, RootKeys);
        if (notebook["metadata"] is { } metadata)
        {
            using (context.Enter("metadata"))
            {
                CheckMetadata(context, metadata);
            }
        }

        if (notebook["cells"] is { } cells)
        {
            using (context.Enter("cells"))
            {
                CellRules.CheckCells(context, cells);
            }
        }
    }

    private static void CheckMetadata(ValidationContext context, JValue value)
    {
        if (value is not JObject metadata)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        if (metadata["kernelspec"] is { } kernelspec)
        {
            using (context.Enter("kernelspec"))
            {
                CheckKernelspec(context, kernelspec);
            }
        }

        if (metadata["language_info"] is { } languageInfo)
        {
            using (context.Enter("language_info"))
            {
                CheckLanguageInfo(context, languageInfo);
            }
        }

        if (metadata["orig_nbformat"] is { } original)
        {
            using (context.Enter("orig_nbformat"))
            {
                CheckOriginalFormat(context, original);
            }
        }

        if (context.Profile.HasTitleAndAuthors)
        {
            SchemaChecks.String(context, metadata, "title");
            SchemaChecks.Array(context, metadata, "authors");
        }
    }

    private static void CheckKernelspec(ValidationContext context, JValue value)
    {
        if (value is not JObject kernelspec)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        SchemaChecks.Required(context, kernelspec, ["name", "display_name"]);
        SchemaChecks.String(context, kernelspec, "name");
        SchemaChecks.String(context, kernelspec, "display_name");
    }

    private static void CheckLanguageInfo(ValidationContext context, JValue value)
    {
        if (value is not JObject info)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        SchemaChecks.Required(context, info, ["name"]);
        SchemaChecks.String(context, info, "name");
        if (info["codemirror_mode"] is { Kind: not (JKind.String or JKind.Object) } mode)
        {
            SchemaChecks.ReportTypeAt(context, "codemirror_mode", "a string or an object", mode);
        }

        SchemaChecks.String(context, info, "file_extension");
        SchemaChecks.String(context, info, "mimetype");
        SchemaChecks.String(context, info, "pygments_lexer");
    }

    private static void CheckOriginalFormat(ValidationContext context, JValue value)
    {
        if (value is not JNumber { IsInteger: true } number)
        {
            SchemaChecks.ReportType(context, "an integer", value);
        }
        else if (SchemaChecks.IsNegative(number) || SchemaChecks.IsZero(number))
        {
            context.Report($"must be 1 or greater, found {SchemaChecks.Show(number)}");
        }
    }
}
