namespace Quire.Notebook.Validation;

/// <summary>One schema error: a JSON path such as <c>cells[3].outputs[0].output_type</c> and a plain message.</summary>
public sealed record ValidationIssue(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
