using System.Collections.Concurrent;

namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// HTML formatters registered for types, and the row limit of tables: <c>Formatters</c> in a cell. Settings are
/// process-wide (<see cref="Shared"/>), as a kernel is one process; a registration for a type also covers the types
/// derived from it and the types implementing it, the closest registration winning.
/// </summary>
public sealed class FormatterRegistry
{
    /// <summary>The rows a table shows before it is cut, with a "(N of M rows)" note.</summary>
    public const int DefaultRowLimit = 20;

    private readonly ConcurrentDictionary<Type, Func<object, string>> _html = new();
    private int _rowLimit = DefaultRowLimit;

    internal FormatterRegistry()
    {
    }

    /// <summary>The registry every kernel in this process uses.</summary>
    public static FormatterRegistry Shared { get; } = new();

    /// <summary>Rows shown of a sequence or dictionary (at least 1).</summary>
    public int RowLimit
    {
        get => Volatile.Read(ref _rowLimit);
        set => Volatile.Write(ref _rowLimit, value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the row limit must be at least 1"));
    }

    /// <summary>Renders values of <typeparamref name="T"/> (and types derived from it) with <paramref name="html"/> from now on.</summary>
    public void Register<T>(Func<T, string> html)
    {
        ArgumentNullException.ThrowIfNull(html);
        _html[typeof(T)] = value => html((T)value);
    }

    /// <summary>Forgets the formatter registered for exactly <typeparamref name="T"/>; true when there was one.</summary>
    public bool Remove<T>() => _html.TryRemove(typeof(T), out _);

    internal Func<object, string>? Find(Type type)
    {
        if (_html.IsEmpty)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_html.TryGetValue(current, out var formatter))
            {
                return formatter;
            }
        }

        foreach (var contract in type.GetInterfaces())
        {
            if (_html.TryGetValue(contract, out var formatter))
            {
                return formatter;
            }
        }

        return null;
    }
}
