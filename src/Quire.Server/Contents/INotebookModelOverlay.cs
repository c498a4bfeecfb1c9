using Quire.Notebook;

namespace Quire.Server.Contents;

/// <summary>
/// Lets another service change a notebook as the contents API returns it. The kernels service uses it to put back
/// the outputs of cells that ran while no browser was watching (outputs survive a closed browser).
/// </summary>
public interface INotebookModelOverlay
{
    /// <summary>
    /// The notebook to return for <paramref name="path"/> (an API path: relative to the root, '/'-separated),
    /// given what the file holds.
    /// </summary>
    NotebookDocument Apply(string path, NotebookDocument notebook);

    /// <summary>
    /// Whether <see cref="Apply"/> may change the notebook at <paramref name="path"/> now. When false the contents API
    /// may answer from its cache of unchanged files without calling <see cref="Apply"/>; true is always safe.
    /// </summary>
    bool MayChange(string path) => true;
}
