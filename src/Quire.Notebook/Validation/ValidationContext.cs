using System.Text;
using Quire.Notebook.Json;

namespace Quire.Notebook.Validation;

/// <summary>
/// Collects issues while the rules walk a notebook. The path is a stack of steps, turned into text only when an issue
/// is reported, so that a valid notebook costs no string building.
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<ValidationIssue> _issues = [];
    private readonly List<PathSegment> _path = [];

    public SchemaProfile Profile { get; set; }

    public int Count => _issues.Count;

    public PathScope Enter(string key)
    {
        _path.Add(new PathSegment(key, -1));
        return new PathScope(this);
    }

    public PathScope Enter(int index)
    {
        _path.Add(new PathSegment(null, index));
        return new PathScope(this);
    }

    public void Leave() => _path.RemoveAt(_path.Count - 1);

    /// <summary>Reports an issue at the current path.</summary>
    public void Report(string message) => _issues.Add(new ValidationIssue(FormatPath(null), message));

    /// <summary>Reports an issue at the child <paramref name="key"/> of the current path.</summary>
    public void ReportAt(string key, string message) => _issues.Add(new ValidationIssue(FormatPath(key), message));

    public ValidationIssue[] ToArray() => [.. _issues];

    private string FormatPath(string? lastKey)
    {
        var builder = new StringBuilder();
        foreach (var segment in _path)
        {
            Append(builder, segment);
        }

        if (lastKey is not null)
        {
            Append(builder, new PathSegment(lastKey, -1));
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, PathSegment segment)
    {
        if (segment.Key is null)
        {
            builder.Append('[').Append(segment.Index).Append(']');
        }
        else if (IsIdentifier(segment.Key))
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(segment.Key);
        }
        else
        {
            builder.Append('[').Append(JsonText.ToCompactString(JString.From(segment.Key))).Append(']');
        }
    }

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || char.IsAsciiDigit(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
