namespace Quire.Notebook.Secrets;

/// <summary>
/// A secret found in a notebook. The secret itself is not kept: only where it is and a <see cref="Preview"/> that
/// shows too little of it to be used.
/// </summary>
/// <param name="CellIndex">0-based index in <c>cells</c>; null for the notebook's own metadata.</param>
/// <param name="CellId">The cell's id (nbformat 4.5), if any.</param>
/// <param name="Location">Source, an output, metadata or an attachment.</param>
/// <param name="OutputIndex">0-based index in the cell's <c>outputs</c> when <paramref name="Location"/> is an output.</param>
/// <param name="Line">1-based line within the string that holds the secret (the source, a stream's text, ...).</param>
/// <param name="Column">1-based column within that line.</param>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="Preview">A redacted preview: a prefix of the secret and its length.</param>
/// <param name="JsonPath">A JSON Pointer to the string, in the notebook as held in memory (text joined).</param>
public sealed record SecretFinding(
    int? CellIndex,
    string? CellId,
    SecretLocation Location,
    int? OutputIndex,
    int Line,
    int Column,
    string RuleId,
    string Preview,
    string JsonPath)
{
    /// <summary>"source", "output 2", "metadata", "attachment".</summary>
    public string Where => Location switch
    {
        SecretLocation.Source => "source",
        SecretLocation.Output => $"output {OutputIndex}",
        SecretLocation.Metadata => "metadata",
        _ => "attachment",
    };
}
