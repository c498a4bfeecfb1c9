namespace Quire.Notebook.Secrets;

/// <summary>The findings of a scan, and the notebook with every one of them replaced by "&lt;redacted:RULE&gt;".</summary>
public sealed record SecretScanResult(IReadOnlyList<SecretFinding> Findings, NotebookDocument Redacted)
{
    public bool IsClean => Findings.Count == 0;
}
