using Quire.Notebook.Json;

namespace Quire.Notebook.Format;

/// <summary>Converts an nbformat 3 notebook to nbformat 4, as nbformat's <c>v4.convert.upgrade</c> does.</summary>
public static class V3Converter
{
    public static JObject Convert(JObject v3) =>
        throw new NotebookFormatException("nbformat 3 notebooks are not supported yet");
}
