using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// papermill's <c>parameterize_notebook</c> placement: the new <c>injected-parameters</c> cell replaces an existing
/// one (so re-running an output notebook does not stack them), else goes right after the first cell tagged
/// <c>parameters</c>, else at the top. The parameters are recorded in <c>metadata.papermill.parameters</c>.
/// </summary>
public static class ParameterInjection
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Whether the notebook has a cell tagged <c>parameters</c> (papermill warns when it has none).</summary>
    public static bool HasParametersCell(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        return notebook.Cells.Any(c => c.Tags.Contains(ParametersTag, StringComparer.Ordinal));
    }

    public static NotebookDocument Inject(NotebookDocument notebook, NotebookParameters parameters, ParameterTranslator translator)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(translator);
        var cells = notebook.Cells.ToList();
        var injected = cells.FindIndex(c => c.Tags.Contains(InjectedTag, StringComparer.Ordinal));
        var defaults = cells.FindIndex(c => c.Tags.Contains(ParametersTag, StringComparer.Ordinal));
        var cell = NewCell(translator.Codify(parameters.Values), notebook.FormatMinor >= 5);
        if (injected >= 0)
        {
            cells[injected] = cell;
        }
        else
        {
            cells.Insert(defaults >= 0 ? defaults + 1 : 0, cell);
        }

        var papermill = (notebook.Metadata.GetObject("papermill") ?? JObject.Empty).With("parameters", parameters.ToJson());
        return notebook.WithCells(cells).WithMetadata(notebook.Metadata.With("papermill", papermill));
    }

    private static NotebookCell NewCell(string source, bool withId)
    {
        var cell = CodeCell.Create(source, withId ? CellIds.NewId() : null);
        return cell.WithMetadata(JObject.Of(("tags", JArray.OfStrings([InjectedTag]))));
    }
}
