using System.Collections.Immutable;

namespace Quire.Notebook.Json;

/// <summary>Collects properties for a <see cref="JObject"/>, with Python's duplicate-key rule.</summary>
public sealed class JObjectBuilder
{
    private readonly ImmutableArray<KeyValuePair<string, JValue>>.Builder _properties = ImmutableArray.CreateBuilder<KeyValuePair<string, JValue>>();
    private Dictionary<string, int>? _index;

    public int Count => _properties.Count;

    public JObjectBuilder Set(string key, JValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var existing = Find(key);
        if (existing >= 0)
        {
            _properties[existing] = new(key, value);
            return this;
        }

        _index?.Add(key, _properties.Count);
        _properties.Add(new(key, value));
        if (_index is null && _properties.Count > 8)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _properties.Count; i++)
            {
                _index[_properties[i].Key] = i;
            }
        }

        return this;
    }

    public JObject Build() => JObject.FromUnique(_properties.DrainToImmutable());

    /// <summary>Builds an object of exactly the collected properties and empties the builder for reuse.</summary>
    internal JObject BuildAndReset()
    {
        var result = _properties.Count == 0 ? JObject.Empty : JObject.FromUnique(_properties.ToImmutable());
        _properties.Clear();
        _index = null;
        return result;
    }

    private int Find(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _properties.Count; i++)
        {
            if (string.Equals(_properties[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
