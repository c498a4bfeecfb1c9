using System.Text.Json.Serialization;

namespace Quire.Server.Ui;

/// <summary>What the app needs to know before its first request; embedded in the page as inert JSON.</summary>
internal sealed record UiPageConfig(
    [property: JsonPropertyName("baseUrl")] string BaseUrl,
    [property: JsonPropertyName("appVersion")] string AppVersion,
    [property: JsonPropertyName("autosaveIntervalSeconds")] int AutosaveIntervalSeconds);

[JsonSerializable(typeof(UiPageConfig))]
internal sealed partial class UiJsonContext : JsonSerializerContext;
