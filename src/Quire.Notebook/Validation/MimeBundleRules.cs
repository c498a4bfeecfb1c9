using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary><c>misc/mimebundle</c> and <c>misc/attachments</c> (a mime bundle per file name).</summary>
internal static class MimeBundleRules
{
    /// <summary>
    /// An object whose values are multi-line strings, except under JSON mime types, where anything goes. In a
    /// notebook from a future minor version the relaxed <c>additionalProperties</c> lets every value through.
    /// </summary>
    public static void CheckBundle(ValidationContext context, JValue value)
    {
        if (value is not JObject bundle)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        if (context.Profile.FromFuture)
        {
            return;
        }

        foreach (var (mime, item) in bundle)
        {
            if (item is JString || PythonPatterns.IsJsonMime(mime))
            {
                continue;
            }

            using (context.Enter(mime))
            {
                SchemaChecks.MultilineString(context, item);
            }
        }
    }

    public static void CheckAttachments(ValidationContext context, JValue value)
    {
        if (value is not JObject attachments)
        {
            SchemaChecks.ReportType(context, "an object", value);
            return;
        }

        foreach (var (name, bundle) in attachments)
        {
            using (context.Enter(name))
            {
                CheckBundle(context, bundle);
            }
        }
    }
}
