namespace Quire.Notebook.Validation;

/// <summary>One step of a JSON path: an object key, or an array index when <see cref="Key"/> is <c>null</c>.</summary>
internal readonly record struct PathSegment(string? Key, int Index);
