using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>
/// Picks the schema as nbformat's <c>get_validator</c> does: <c>nbformat.v4.{minor}.schema.json</c> for 4.0–4.5, and
/// the latest schema, relaxed, for a later minor version. Other major versions have no v4 schema at all.
/// </summary>
internal static class VersionRules
{
    /// <summary>Reports version problems; false when the notebook is not nbformat 4 and nothing else can be checked.</summary>
    public static bool TrySelectProfile(ValidationContext context, JObject notebook, out SchemaProfile profile)
    {
        profile = new SchemaProfile(SchemaProfile.LatestMinor, FromFuture: false);
        var major = notebook["nbformat"];
        if (major is JNumber { IsInteger: true } number)
        {
            if (!number.TryGetInt64(out var version) || version != 4)
            {
                context.ReportAt("nbformat", $"unsupported nbformat version {SchemaChecks.Show(number)}: the schema is for nbformat 4");
                return false;
            }
        }
        else if (major is not null)
        {
            SchemaChecks.ReportTypeAt(context, "nbformat", "an integer", major);
        }

        // A missing key is reported with the other required properties.
        var minor = notebook["nbformat_minor"];
        if (minor is null)
        {
            profile = new SchemaProfile(0, FromFuture: false);
        }
        else if (minor is not JNumber { IsInteger: true } minorNumber)
        {
            SchemaChecks.ReportTypeAt(context, "nbformat_minor", "an integer", minor);
        }
        else if (SchemaChecks.IsNegative(minorNumber))
        {
            context.ReportAt("nbformat_minor", $"must be 0 or greater, found {SchemaChecks.Show(minorNumber)}");
            profile = new SchemaProfile(0, FromFuture: false);
        }
        else if (minorNumber.TryGetInt64(out var value) && value <= SchemaProfile.LatestMinor)
        {
            profile = new SchemaProfile((int)value, FromFuture: false);
        }
        else
        {
            profile = SchemaProfile.Future;
        }

        return true;
    }
}
