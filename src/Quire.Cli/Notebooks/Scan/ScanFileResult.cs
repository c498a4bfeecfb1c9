using Quire.Notebook.Secrets;

namespace Quire.Cli.Notebooks.Scan;

/// <summary>What scanning one file gave: its findings, whether they were redacted, or why it could not be scanned.</summary>
internal sealed record ScanFileResult(string Name, IReadOnlyList<SecretFinding> Findings, bool Redacted, string? Error);
