using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>An output of a type nbformat 4 does not define, kept as it is.</summary>
public sealed class UnknownOutput : NotebookOutput
{
    internal UnknownOutput(JObject json)
        : base(json)
    {
    }
}
