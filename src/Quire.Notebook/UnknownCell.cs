using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A cell of a type this version of nbformat does not define (allowed only in notebooks from a newer minor version).</summary>
public sealed class UnknownCell : NotebookCell
{
    internal UnknownCell(JObject json)
        : base(json)
    {
    }
}
