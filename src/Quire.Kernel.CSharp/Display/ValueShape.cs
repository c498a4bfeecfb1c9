using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// How a value is shown: scalars as text, records, POCOs and anonymous objects by their public members, sequences
/// item by item. Types of the runtime and of libraries (<c>System.*</c>, <c>Microsoft.*</c>) keep their own
/// <see cref="object.ToString"/>: their members are implementation detail, not data.
/// </summary>
internal static class ValueShape
{
    private const int CellTextLimit = 100;
    private const int NestedItemLimit = 10;

    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object",
        [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    public static bool IsScalar(object? value) => value is null or string or char or bool or Enum or IFormattable or Type or Delegate
        or System.Text.Json.JsonElement or Uri or MemberInfo or Exception or Task;

    /// <summary>User data with members worth a column each.</summary>
    public static bool IsStructured(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || typeof(IEnumerable).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type)
            || typeof(IFormattable).IsAssignableFrom(type) || type == typeof(string) || type == typeof(object))
        {
            return false;
        }

        var space = type.Namespace ?? string.Empty;
        if (space == "System" || space.StartsWith("System.", StringComparison.Ordinal) || space.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return false;
        }

        return Members(type).Count > 0;
    }

    /// <summary>Public instance properties (no indexers) then public fields, in declaration order.</summary>
    public static IReadOnlyList<MemberInfo> Members(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic && !p.PropertyType.IsByRefLike);
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.FieldType.IsByRefLike);
        return [.. properties.Cast<MemberInfo>().Concat(fields)];
    }

    public static object? Read(MemberInfo member, object target) => member switch
    {
        PropertyInfo property => property.GetValue(target),
        FieldInfo field => field.GetValue(target),
        _ => null,
    };

    /// <summary>A value as the text of a table cell: short, one line.</summary>
    public static string CellText(object? value)
    {
        var text = Inline(value, depth: 0).ReplaceLineEndings(" ");
        return text.Length <= CellTextLimit ? text : string.Concat(text.AsSpan(0, CellTextLimit - 1), "…");
    }

    /// <summary>
    /// The plain text of a value: its own <see cref="object.ToString"/> when it has one, else its members inline,
    /// <c>Point { X = 1, Y = 2 }</c>, as records print themselves.
    /// </summary>
    public static string Inline(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case IFormattable f:
                return f.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable sequence when depth < 2:
                return List(sequence, depth);
        }

        var type = value.GetType();
        if (depth < 2 && IsStructured(type) && !OverridesToString(type))
        {
            var parts = Members(type).Select(m => $"{m.Name} = {SafeRead(m, value, depth)}");
            return $"{FriendlyName(type)} {{ {string.Join(", ", parts)} }}".TrimStart();
        }

        return value.ToString() ?? string.Empty;
    }

    /// <summary>A type's name as C# writes it: <c>List&lt;Int32&gt;</c>, <c>Point</c> (not <c>Submission#0+Point</c>).</summary>
    public static string FriendlyName(Type type)
    {
        if (type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        if (Aliases.TryGetValue(type, out var alias))
        {
            return alias;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return FriendlyName(underlying) + "?";
        }

        if (type.IsArray)
        {
            return $"{FriendlyName(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]";
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick > 0)
        {
            name = name[..tick];
        }

        return type.IsGenericType ? $"{name}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>" : name;
    }

    private static string List(IEnumerable sequence, int depth)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == NestedItemLimit)
            {
                more = true;
                break;
            }

            items.Add(Inline(item, depth + 1));
        }

        return $"[{string.Join(", ", items)}{(more ? ", …" : string.Empty)}]";
    }

    private static string SafeRead(MemberInfo member, object target, int depth)
    {
        try
        {
            return Inline(Read(member, target), depth + 1);
        }
        catch (TargetInvocationException ex)
        {
            return $"<{ex.InnerException?.GetType().Name ?? ex.GetType().Name}>";
        }
    }

    /// <summary>
    /// Whether someone wrote a ToString for the type. The compiler's own (records, anonymous types) prints nested
    /// collections as their type name, so members are listed here instead.
    /// </summary>
    private static bool OverridesToString(Type type) =>
        type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { DeclaringType: { } declaring } method
        && declaring != typeof(object) && declaring != typeof(ValueType)
        && !method.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !declaring.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
}
