using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A code cell's output: an immutable view over its JSON, subclassed by <c>output_type</c>.</summary>
public abstract class NotebookOutput
{
    private protected NotebookOutput(JObject json) => Json = json;

    public JObject Json { get; }

    public string OutputType => Json.GetString("output_type") ?? string.Empty;

    public static NotebookOutput From(JObject json) => json.GetString("output_type") switch
    {
        "stream" => new StreamOutput(json),
        "display_data" => new DisplayDataOutput(json),
        "execute_result" => new ExecuteResultOutput(json),
        "error" => new ErrorOutput(json),
        _ => new UnknownOutput(json),
    };
}
