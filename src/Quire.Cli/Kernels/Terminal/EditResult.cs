namespace Quire.Cli.Kernels.Terminal;

/// <summary>The text an edit ended with, and how it ended.</summary>
internal sealed record EditResult(EditOutcome Outcome, string Text);
