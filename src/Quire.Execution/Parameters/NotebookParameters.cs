using Quire.Notebook.Json;

namespace Quire.Execution.Parameters;

/// <summary>
/// Named parameter values, in the order they were first given; setting a name again replaces its value in place, as
/// papermill's <c>dict.update</c> does. Values are JSON trees: strings, numbers, booleans, null, lists and dicts.
/// </summary>
public sealed class NotebookParameters
{
    private readonly List<KeyValuePair<string, JValue>> _values = [];

    public int Count => _values.Count;

    public IReadOnlyList<KeyValuePair<string, JValue>> Values => _values;

    /// <summary>Sets <paramref name="name"/>; the name must be an identifier, so that it cannot carry code either.</summary>
    /// <exception cref="ParameterException">The name is not an identifier.</exception>
    public NotebookParameters Set(string name, JValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        ParameterNames.ThrowIfInvalid(name);
        var index = _values.FindIndex(p => string.Equals(p.Key, name, StringComparison.Ordinal));
        if (index >= 0)
        {
            _values[index] = new(name, value);
        }
        else
        {
            _values.Add(new(name, value));
        }

        return this;
    }

    /// <summary>Sets every member of <paramref name="values"/> (a parameters file's top level).</summary>
    public NotebookParameters SetAll(JObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            Set(name, value);
        }

        return this;
    }

    public JObject ToJson() => JObject.From(_values);
}
