namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// A value laid out as a table: what the HTML and the plain-text renderings share. <see cref="Total"/> counts every
/// row of the value, of which the first <see cref="Rows"/> are shown; <see cref="TotalIsLowerBound"/> says counting
/// stopped early (a very long or endless sequence).
/// </summary>
internal sealed record TableModel(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    int Total,
    bool TotalIsLowerBound,
    bool IsSequence)
{
    public bool IsTruncated => Total > Rows.Count || TotalIsLowerBound;

    /// <summary>"(20 of 1000 rows)", "(3 rows)"; null for a single object.</summary>
    public string? CountNote
    {
        get
        {
            if (!IsSequence)
            {
                return null;
            }

            var total = TotalIsLowerBound ? $"{Total}+" : Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var noun = Total == 1 && !TotalIsLowerBound ? "row" : "rows";
            return IsTruncated ? $"({Rows.Count} of {total} {noun})" : $"({total} {noun})";
        }
    }
}
