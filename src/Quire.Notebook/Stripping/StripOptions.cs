using System.Collections.Immutable;

namespace Quire.Notebook.Stripping;

/// <summary>
/// What <see cref="NotebookStripper"/> removes. Keys use nbstripout's syntax: <c>metadata.KEY…</c> for the notebook,
/// <c>cell.KEY…</c> for every cell (for example <c>cell.metadata.tags</c>), dots descending into nested objects.
/// </summary>
public sealed record StripOptions
{
    /// <summary>nbstripout's default volatile keys: signatures, widget state and UI layout that changes on every run.</summary>
    public static ImmutableArray<string> DefaultKeys { get; } =
    [
        "metadata.signature",
        "metadata.widgets",
        "cell.metadata.collapsed",
        "cell.metadata.ExecuteTime",
        "cell.metadata.execution",
        "cell.metadata.heading_collapsed",
        "cell.metadata.hidden",
        "cell.metadata.scrolled",
    ];

    public static StripOptions Default { get; } = new();

    /// <summary>
    /// Keep every cell's outputs. <c>null</c> (the default) defers to the notebook's <c>metadata.keep_output</c>,
    /// then strips; a cell can still keep its own outputs with a <c>keep_output</c> tag or metadata entry.
    /// </summary>
    public bool? KeepOutput { get; init; }

    /// <summary>Keep execution counts (of cells and of kept <c>execute_result</c> outputs).</summary>
    public bool KeepCount { get; init; }

    /// <summary>Keys to strip in addition to <see cref="DefaultKeys"/>.</summary>
    public ImmutableArray<string> ExtraKeys { get; init; } = [];

    /// <summary>Keys not to strip, even when they are among <see cref="DefaultKeys"/> or <see cref="ExtraKeys"/>.</summary>
    public ImmutableArray<string> KeepKeys { get; init; } = [];

    /// <summary>The keys that will be stripped: defaults and extras, less the kept ones, in order and without repeats.</summary>
    public IReadOnlyList<string> EffectiveKeys =>
        DefaultKeys.Concat(ExtraKeys.IsDefault ? [] : ExtraKeys)
            .Where(k => KeepKeys.IsDefault || !KeepKeys.Contains(k, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Whether <paramref name="key"/> is in nbstripout's syntax: <c>metadata.</c> or <c>cell.</c>, then a name.</summary>
    public static bool IsValidKey(string key) =>
        key is not null
        && (key.StartsWith("metadata.", StringComparison.Ordinal) || key.StartsWith("cell.", StringComparison.Ordinal))
        && !key.EndsWith('.');
}
