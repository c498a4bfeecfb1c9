using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// Lays out sequences, dictionaries and structured objects as tables: one column per public member for objects,
/// index and value for scalars, key and value for dictionaries. Only <c>rowLimit</c> rows are formatted; the rest
/// are only counted, and an endless sequence is counted no further than <see cref="CountLimit"/>.
/// </summary>
internal static class TableBuilder
{
    public const int CountLimit = 100_000;

    /// <summary>The table of <paramref name="value"/>, or null when it is a scalar shown as text.</summary>
    public static TableModel? Build(object? value, int rowLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowLimit, 1);
        if (ValueShape.IsScalar(value))
        {
            return null;
        }

        if (value is IEnumerable sequence)
        {
            return Sequence(sequence, rowLimit);
        }

        var type = value!.GetType();
        if (!ValueShape.IsStructured(type))
        {
            return null;
        }

        var members = ValueShape.Members(type);
        return new TableModel([.. members.Select(m => m.Name)], [Row(members, value)], 1, TotalIsLowerBound: false, IsSequence: false);
    }

    private static TableModel Sequence(IEnumerable sequence, int rowLimit)
    {
        var elementType = ElementType(sequence.GetType());
        var isDictionary = sequence is IDictionary || (elementType.IsGenericType && elementType.GetGenericTypeDefinition() == typeof(KeyValuePair<,>));
        var knownCount = KnownCount(sequence);
        var items = new List<object?>();
        var count = 0;
        var stoppedEarly = false;
        foreach (var item in sequence)
        {
            if (count < rowLimit)
            {
                items.Add(item);
            }
            else if (knownCount is not null || count >= CountLimit)
            {
                stoppedEarly = knownCount is null;
                break;
            }

            count++;
        }

        var total = knownCount ?? count;
        if (isDictionary)
        {
            return new TableModel(["key", "value"], [.. items.Select(KeyValueRow)], total, stoppedEarly, IsSequence: true);
        }

        var rowType = ValueShape.IsStructured(elementType) ? elementType : items.FirstOrDefault(i => i is not null)?.GetType();
        if (rowType is not null && ValueShape.IsStructured(rowType) && items.All(i => i is null || rowType.IsInstanceOfType(i)))
        {
            var members = ValueShape.Members(rowType);
            return new TableModel([.. members.Select(m => m.Name)], [.. items.Select(i => Row(members, i))], total, stoppedEarly, IsSequence: true);
        }

        var rows = items.Select((item, index) => (IReadOnlyList<string>)[index.ToString(CultureInfo.InvariantCulture), ValueShape.CellText(item)]);
        return new TableModel(["index", "value"], [.. rows], total, stoppedEarly, IsSequence: true);
    }

    private static IReadOnlyList<string> Row(IReadOnlyList<MemberInfo> members, object? item) =>
        [.. members.Select(m => item is null ? string.Empty : Cell(m, item))];

    private static string Cell(MemberInfo member, object item)
    {
        try
        {
            return ValueShape.CellText(ValueShape.Read(member, item));
        }
        catch (TargetInvocationException ex)
        {
            // A getter that throws shows what it threw instead of failing the whole table.
            return $"<{ex.InnerException?.GetType().Name ?? ex.GetType().Name}>";
        }
    }

    private static IReadOnlyList<string> KeyValueRow(object? item)
    {
        if (item is DictionaryEntry entry)
        {
            return [ValueShape.CellText(entry.Key), ValueShape.CellText(entry.Value)];
        }

        var type = item!.GetType();
        return [ValueShape.CellText(type.GetProperty("Key")!.GetValue(item)), ValueShape.CellText(type.GetProperty("Value")!.GetValue(item))];
    }

    private static Type ElementType(Type sequenceType)
    {
        var generic = sequenceType.GetInterfaces().Append(sequenceType)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct()
            .ToArray();
        return generic.Length == 1 ? generic[0] : typeof(object);
    }

    private static int? KnownCount(IEnumerable sequence)
    {
        if (sequence is ICollection collection)
        {
            return collection.Count;
        }

        var readOnly = sequence.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>));
        return readOnly?.GetProperty("Count")?.GetValue(sequence) as int?;
    }
}
