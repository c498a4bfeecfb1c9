namespace Quire.Notebook.Validation;

/// <summary>The branch of the schema's <c>cell</c> <c>oneOf</c> that a cell's <c>cell_type</c> selects.</summary>
internal enum CellKind
{
    Unrecognized,
    Raw,
    Markdown,
    Code,
}
