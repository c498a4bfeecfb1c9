namespace Quire.Notebook.Validation;

/// <summary>
/// Which of nbformat's v4 schemas applies: <c>nbformat.v4.{Minor}.schema.json</c>, or, for a notebook from a future
/// minor version, the latest schema with every <c>additionalProperties</c> relaxed and unknown cell and output types
/// allowed (nbformat's <c>_relax_additional_properties</c> and <c>_allow_undefined</c>).
/// </summary>
internal readonly record struct SchemaProfile(int Minor, bool FromFuture)
{
    /// <summary>The latest minor version nbformat 5.5.0 has a schema for.</summary>
    public const int LatestMinor = 5;

    public static SchemaProfile Future => new(LatestMinor, FromFuture: true);

    /// <summary>Cell ids (required, and checked for uniqueness), from 4.5.</summary>
    public bool HasCellIds => Minor >= 5;

    /// <summary><c>metadata.title</c> and <c>metadata.authors</c>, from 4.2.</summary>
    public bool HasTitleAndAuthors => Minor >= 2;

    /// <summary>Cells' <c>metadata.jupyter</c>, from 4.3.</summary>
    public bool HasJupyterMetadata => Minor >= 3;

    /// <summary>Code cells' <c>metadata.execution</c>, from 4.4.</summary>
    public bool HasExecutionMetadata => Minor >= 4;

    /// <summary><c>additionalProperties: false</c> is enforced, except for notebooks from a future minor version.</summary>
    public bool RejectsUnknownProperties => !FromFuture;
}
