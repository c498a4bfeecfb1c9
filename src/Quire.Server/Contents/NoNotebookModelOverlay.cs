using Quire.Notebook;

namespace Quire.Server.Contents;

/// <summary>The overlay used when no service registers one: the notebook as the file holds it.</summary>
internal sealed class NoNotebookModelOverlay : INotebookModelOverlay
{
    public NotebookDocument Apply(string path, NotebookDocument notebook) => notebook;

    public bool MayChange(string path) => false;
}
