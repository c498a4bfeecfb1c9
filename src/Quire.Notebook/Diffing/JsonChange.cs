using Quire.Notebook.Json;

namespace Quire.Notebook.Diffing;

/// <summary>
/// One key that differs, named by its dotted path from the object compared (<c>metadata.kernelspec.name</c>). Objects
/// are compared key by key; any other value (arrays included) is compared whole.
/// </summary>
public sealed record JsonChange(string Path, JsonChangeKind Kind, JValue? Old, JValue? New);
