using System.Text.Json;
using System.Text.Json.Nodes;
using Quire.Kernel.CSharp.Display;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>Values recorded for later steps of a job: <c>quire run --read-values</c> reads them back as JSON.</summary>
public sealed partial class CSharpKernelGlobals
{
    /// <summary>The MIME type of a recorded value, <c>{"name": ..., "value": ...}</c>; any kernel may display one.</summary>
    public const string RecordMimeType = "application/vnd.quire.record+json";

    // Only for the text/plain rendering a person reads: quotes and non-ASCII as themselves, not \u escapes.
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Records <paramref name="value"/> (anything JSON-serializable) under <paramref name="name"/> as a display output
    /// of the running cell; a later record of the same name wins.
    /// </summary>
    public void Record(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Web);
        var record = new JsonObject { ["name"] = name, ["value"] = json };
        var element = JsonSerializer.SerializeToElement(record, JsonNodeContext.Default.JsonObject);
        var plain = $"{name} = {json?.ToJsonString(ReadableJson) ?? "null"}";
        var execution = RunningCell();
        CellContext.FlushStreamsAsync().GetAwaiter().GetResult();
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [RecordMimeType] = element,
            [MimeTypes.Plain] = MimeBundle.Text(plain),
        };
        execution.DisplayAsync(data, cancellationToken: Context.CancellationToken).AsTask().GetAwaiter().GetResult();
    }
}
