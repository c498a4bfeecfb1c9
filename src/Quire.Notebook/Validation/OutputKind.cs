namespace Quire.Notebook.Validation;

/// <summary>The branch of the schema's <c>output</c> <c>oneOf</c> that an output's <c>output_type</c> selects.</summary>
internal enum OutputKind
{
    Unrecognized,
    ExecuteResult,
    DisplayData,
    Stream,
    Error,
}
