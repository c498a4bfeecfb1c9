using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook.Diffing;

/// <summary>Lists the key paths at which two JSON objects differ.</summary>
public static class JsonChanges
{
    public static ImmutableArray<JsonChange> Between(JObject? oldObject, JObject? newObject, string prefix = "")
    {
        var changes = ImmutableArray.CreateBuilder<JsonChange>();
        Collect(oldObject ?? JObject.Empty, newObject ?? JObject.Empty, prefix, changes);
        return changes.ToImmutable();
    }

    private static void Collect(JObject oldObject, JObject newObject, string prefix, ImmutableArray<JsonChange>.Builder changes)
    {
        foreach (var (key, oldValue) in oldObject)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (!newObject.TryGetValue(key, out var newValue))
            {
                changes.Add(new JsonChange(path, JsonChangeKind.Removed, oldValue, null));
            }
            else if (oldValue is JObject oldChild && newValue is JObject newChild)
            {
                Collect(oldChild, newChild, path, changes);
            }
            else if (!JValue.DeepEquals(oldValue, newValue))
            {
                changes.Add(new JsonChange(path, JsonChangeKind.Changed, oldValue, newValue));
            }
        }

        foreach (var (key, newValue) in newObject)
        {
            if (!oldObject.ContainsKey(key))
            {
                changes.Add(new JsonChange(prefix.Length == 0 ? key : $"{prefix}.{key}", JsonChangeKind.Added, null, newValue));
            }
        }
    }
}
