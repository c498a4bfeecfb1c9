using Quire.Notebook.Json;

namespace Quire.Notebook;

/// <summary>A <c>display_data</c> output.</summary>
public sealed class DisplayDataOutput : RichOutput
{
    internal DisplayDataOutput(JObject json)
        : base(json)
    {
    }

    public static DisplayDataOutput Create(JObject data, JObject? metadata = null) =>
        new(JObject.Of(("data", data), ("metadata", metadata ?? JObject.Empty), ("output_type", "display_data")));
}
