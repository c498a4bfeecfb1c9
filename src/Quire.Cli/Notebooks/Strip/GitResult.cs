namespace Quire.Cli.Notebooks.Strip;

/// <summary>What a git command returned.</summary>
internal sealed record GitResult(int ExitCode, string StandardOutput, string StandardError);
