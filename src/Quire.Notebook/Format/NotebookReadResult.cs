using System.Collections.Immutable;

namespace Quire.Notebook.Format;

/// <summary>A notebook as read, with the repairs reading made (cell ids added or de-duplicated, as nbformat does).</summary>
public sealed record NotebookReadResult(NotebookDocument Document, ImmutableArray<string> Repairs);
