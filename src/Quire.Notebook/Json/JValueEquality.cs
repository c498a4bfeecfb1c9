namespace Quire.Notebook.Json;

internal static class JValueEquality
{
    public static bool DeepEquals(JValue? a, JValue? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Kind != b.Kind)
        {
            return false;
        }

        switch (a)
        {
            case JString sa:
                return sa.Utf8.Span.SequenceEqual(((JString)b).Utf8.Span);
            case JNumber na:
                return string.Equals(na.Text, ((JNumber)b).Text, StringComparison.Ordinal);
            case JArray aa:
                var ab = (JArray)b;
                if (aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!DeepEquals(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JObject oa:
                var ob = (JObject)b;
                if (oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}
