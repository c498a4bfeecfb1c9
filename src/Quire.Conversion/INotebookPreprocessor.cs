using Quire.Notebook;

namespace Quire.Conversion;

/// <summary>
/// A step that changes the notebook before it is exported, as nbconvert's preprocessors do. <c>quire convert --execute</c>
/// is one: it runs the notebook with the execution engine first. Conversion itself never needs a kernel.
/// </summary>
public interface INotebookPreprocessor
{
    /// <param name="document">The notebook as read (or as the previous step left it).</param>
    /// <param name="inputPath">The notebook's file, e.g. for the kernel's working directory.</param>
    /// <param name="cancellationToken">Stops the step.</param>
    Task<NotebookDocument> ProcessAsync(NotebookDocument document, string inputPath, CancellationToken cancellationToken);
}
