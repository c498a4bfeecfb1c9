using System.Text.Json.Serialization;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>One entry of IPython's <c>_jupyter_types_experimental</c> completion metadata.</summary>
internal sealed record CompletionType
{
    [JsonPropertyName("start")]
    public int Start { get; init; }

    [JsonPropertyName("end")]
    public int End { get; init; }

    [JsonPropertyName("text")]
    public string Text { get; init; } = string.Empty;

    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;
}
