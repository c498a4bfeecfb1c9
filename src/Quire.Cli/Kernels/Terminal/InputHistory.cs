namespace Quire.Cli.Kernels.Terminal;

/// <summary>Past cells for Up and Down: the kernel's history tail first, then this session's, oldest first.</summary>
internal sealed class InputHistory
{
    private readonly List<string> _entries = [];
    private int _position;
    private string _draft = string.Empty;

    public int Count => _entries.Count;

    /// <summary>Adds a cell unless it repeats the last one, and starts navigation over.</summary>
    public void Add(string entry)
    {
        if (!string.IsNullOrWhiteSpace(entry) && (_entries.Count == 0 || _entries[^1] != entry))
        {
            _entries.Add(entry);
        }

        Reset();
    }

    /// <summary>Back at the bottom, below the newest entry, where the line being typed lives.</summary>
    public void Reset()
    {
        _position = _entries.Count;
        _draft = string.Empty;
    }

    /// <summary>The entry before the one shown, or null at the oldest; <paramref name="current"/> is kept as the draft.</summary>
    public string? Previous(string current)
    {
        if (_position == 0)
        {
            return null;
        }

        if (_position == _entries.Count)
        {
            _draft = current;
        }

        return _entries[--_position];
    }

    /// <summary>The entry after the one shown, the draft below the newest, or null when already there.</summary>
    public string? Next()
    {
        if (_position >= _entries.Count)
        {
            return null;
        }

        _position++;
        return _position == _entries.Count ? _draft : _entries[_position];
    }
}
