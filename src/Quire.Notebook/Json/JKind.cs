namespace Quire.Notebook.Json;

/// <summary>The kind of a <see cref="JValue"/>.</summary>
public enum JKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
