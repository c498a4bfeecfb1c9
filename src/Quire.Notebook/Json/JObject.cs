using System.Collections;
using System.Collections.Immutable;

namespace Quire.Notebook.Json;

/// <summary>
/// An immutable JSON object. Properties keep the order in which they were read; a key that appeared twice keeps the
/// position of its first occurrence and the value of its last, as Python's <c>json</c> does.
/// </summary>
public sealed class JObject : JValue, IReadOnlyList<KeyValuePair<string, JValue>>
{
    private JObject(ImmutableArray<KeyValuePair<string, JValue>> properties) => Properties = properties;

    public static JObject Empty { get; } = new(ImmutableArray<KeyValuePair<string, JValue>>.Empty);

    public override JKind Kind => JKind.Object;

    public ImmutableArray<KeyValuePair<string, JValue>> Properties { get; }

    public int Count => Properties.Length;

    public IEnumerable<string> Keys => Properties.Select(p => p.Key);

    KeyValuePair<string, JValue> IReadOnlyList<KeyValuePair<string, JValue>>.this[int index] => Properties[index];

    /// <summary>The value of <paramref name="name"/>, or <c>null</c> when the object has no such key.</summary>
    public JValue? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Builds an object; later duplicates of a key replace the earlier value in place.</summary>
    public static JObject From(IEnumerable<KeyValuePair<string, JValue>> properties)
    {
        var builder = new JObjectBuilder();
        foreach (var (key, value) in properties)
        {
            builder.Set(key, value);
        }

        return builder.Build();
    }

    public static JObject Of(params (string Key, JValue Value)[] properties) =>
        From(properties.Select(p => new KeyValuePair<string, JValue>(p.Key, p.Value)));

    /// <summary>Wraps properties already known to have unique keys.</summary>
    internal static JObject FromUnique(ImmutableArray<KeyValuePair<string, JValue>> properties) =>
        properties.IsEmpty ? Empty : new JObject(properties);

    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out JValue value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? Properties[index].Value : null!;
        return index >= 0;
    }

    public string? GetString(string name) => this[name]?.AsString();

    public JObject? GetObject(string name) => this[name] as JObject;

    public JArray? GetArray(string name) => this[name] as JArray;

    /// <summary>A copy with <paramref name="name"/> set: replaced where it stands, or appended.</summary>
    public JObject With(string name, JValue value)
    {
        var index = IndexOf(name);
        var pair = new KeyValuePair<string, JValue>(name, value);
        return new JObject(index >= 0 ? Properties.SetItem(index, pair) : Properties.Add(pair));
    }

    /// <summary>A copy without <paramref name="name"/> (this same object when it has no such key).</summary>
    public JObject Without(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? this : FromUnique(Properties.RemoveAt(index));
    }

    public JObject Without(params ReadOnlySpan<string> names)
    {
        var result = this;
        foreach (var name in names)
        {
            result = result.Without(name);
        }

        return result;
    }

    public ImmutableArray<KeyValuePair<string, JValue>>.Enumerator GetEnumerator() => Properties.GetEnumerator();

    IEnumerator<KeyValuePair<string, JValue>> IEnumerable<KeyValuePair<string, JValue>>.GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, JValue>>)Properties).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Properties).GetEnumerator();

    private int IndexOf(string name)
    {
        var properties = Properties;
        for (var i = 0; i < properties.Length; i++)
        {
            if (string.Equals(properties[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
