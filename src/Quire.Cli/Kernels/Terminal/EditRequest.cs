namespace Quire.Cli.Kernels.Terminal;

/// <summary>What one <see cref="LineEditor.ReadAsync"/> edits and how.</summary>
internal sealed record EditRequest
{
    public required string Prompt { get; init; }

    /// <summary>The prompt of the lines after the first (a multi-line cell).</summary>
    public string Continuation { get; init; } = string.Empty;

    /// <summary>A password: nothing typed is shown.</summary>
    public bool Hidden { get; init; }

    public InputHistory? History { get; init; }

    /// <summary>Tab: the completions at the cursor (text, UTF-16 cursor), or null for none.</summary>
    public Func<string, int, CancellationToken, Task<Completion?>>? Complete { get; init; }

    /// <summary>Enter: null accepts the text; otherwise the text goes on with a new line starting with the returned indent.</summary>
    public Func<string, CancellationToken, Task<string?>>? OnEnter { get; init; }
}
