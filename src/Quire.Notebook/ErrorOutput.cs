using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>An <c>error</c> output: exception name, value and traceback lines.</summary>
public sealed class ErrorOutput : NotebookOutput
{
    internal ErrorOutput(JObject json)
        : base(json)
    {
    }

    public string EName => Json.GetString("ename") ?? string.Empty;

    public string EValue => Json.GetString("evalue") ?? string.Empty;

    public IReadOnlyList<string> Traceback => Json.GetArray("traceback")?.Select(l => l.AsString() ?? string.Empty).ToArray() ?? [];

    public static ErrorOutput Create(string ename, string evalue, IEnumerable<string> traceback) =>
        new(JObject.Of(("ename", ename), ("evalue", evalue), ("output_type", "error"), ("traceback", JArray.OfStrings(traceback))));
}
