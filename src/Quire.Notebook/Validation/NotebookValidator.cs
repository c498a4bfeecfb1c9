using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>
/// Validates notebooks against the rules of nbformat's v4.x JSON schemas, per minor version, with the verdict of
/// nbformat 5.5.0's <c>validate</c> (and of its read, for what the relaxed schema of a future minor version lets
/// through). Every problem is reported, each with its JSON path; an empty list means the notebook is valid.
/// </summary>
public static class NotebookValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(JObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var context = new ValidationContext();
        if (VersionRules.TrySelectProfile(context, notebook, out var profile))
        {
            context.Profile = profile;
            NotebookRules.Check(context, notebook);
        }

        return context.ToArray();
    }

    public static IReadOnlyList<ValidationIssue> Validate(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Validate(document.Json);
    }
}
