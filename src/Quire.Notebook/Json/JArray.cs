using System.Collections;
using System.Collections.Immutable;

namespace Quire.Notebook.Json;

/// <summary>An immutable JSON array.</summary>
public sealed class JArray : JValue, IReadOnlyList<JValue>
{
    public JArray(ImmutableArray<JValue> items) => Items = items.IsDefault ? [] : items;

    public JArray(IEnumerable<JValue> items) => Items = [.. items];

    public static JArray Empty { get; } = new(ImmutableArray<JValue>.Empty);

    public override JKind Kind => JKind.Array;

    public ImmutableArray<JValue> Items { get; }

    public int Count => Items.Length;

    public JValue this[int index] => Items[index];

    public static JArray Of(params JValue[] items) => new(ImmutableArray.Create(items));

    public static JArray OfStrings(IEnumerable<string> items) => new(items.Select(i => (JValue)JString.From(i)));

    public ImmutableArray<JValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<JValue> IEnumerable<JValue>.GetEnumerator() => ((IEnumerable<JValue>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();
}
