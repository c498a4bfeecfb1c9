using System.Collections;
using System.Collections.Immutable;

namespace Quire.Notebook.Json;

/// <summary>
/// An immutable JSON array. An array of strings read from a file (lines of source, of output text) is held compactly
/// as slices of UTF-8 and turned into <see cref="JString"/> objects only when someone enumerates it: a 50 MB notebook
/// has millions of such lines, and nbformat joins them on read and splits them on write anyway.
/// </summary>
public sealed class JArray : JValue, IReadOnlyList<JValue>
{
    private readonly ReadOnlyMemory<byte>[]? _strings;
    private ImmutableArray<JValue> _items;

    public JArray(ImmutableArray<JValue> items) => _items = items.IsDefault ? [] : items;

    public JArray(IEnumerable<JValue> items) => _items = [.. items];

    /// <summary>An array of strings given as unescaped UTF-8 slices that will not change.</summary>
    internal JArray(ReadOnlyMemory<byte>[] strings) => _strings = strings;

    public static JArray Empty { get; } = new(ImmutableArray<JValue>.Empty);

    public override JKind Kind => JKind.Array;

    public ImmutableArray<JValue> Items
    {
        get
        {
            if (_items.IsDefault)
            {
                var items = new JValue[_strings!.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = JString.FromUtf8(_strings[i]);
                }

                _items = ImmutableArray.Create(items);
            }

            return _items;
        }
    }

    public int Count => _strings?.Length ?? _items.Length;

    /// <summary>The UTF-8 of each item when the array is known to hold only strings, without creating objects for them.</summary>
    internal ReadOnlyMemory<byte>[]? StringSegments => _strings;

    public JValue this[int index] => Items[index];

    public static JArray Of(params JValue[] items) => new(ImmutableArray.Create(items));

    public static JArray OfStrings(IEnumerable<string> items) => new(items.Select(i => (JValue)JString.From(i)));

    /// <summary>True when every item is a string.</summary>
    public bool IsAllStrings()
    {
        if (_strings is not null)
        {
            return true;
        }

        foreach (var item in _items)
        {
            if (item is not JString)
            {
                return false;
            }
        }

        return true;
    }

    public ImmutableArray<JValue>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<JValue> IEnumerable<JValue>.GetEnumerator() => ((IEnumerable<JValue>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();
}
