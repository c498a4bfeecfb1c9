namespace Quire.Conversion;

/// <summary>How a notebook is converted.</summary>
public sealed record ConversionOptions
{
    public HtmlTemplate Template { get; init; } = HtmlTemplate.Lab;

    /// <summary>Report mode (nbconvert's <c>--no-input</c>): code cells show their outputs only, without prompts.</summary>
    public bool NoInput { get; init; }

    /// <summary>
    /// Whether HTML from the notebook (text/html outputs, raw HTML in Markdown) is sanitized. On by default, as for an
    /// untrusted notebook in Jupyter: a converted file is opened outside Jupyter's trust model, so its scripts would run
    /// with the full privileges of wherever it is opened. Turning it off is for notebooks whose author is the reader.
    /// </summary>
    public bool SanitizeHtml { get; init; } = true;

    /// <summary>The page title; the notebook's file name without extension as nbconvert uses it, when set.</summary>
    public string? Title { get; init; }

    /// <summary>Which code highlighter the HTML exporter uses (chosen by measurement: see bench/RESULTS.md).</summary>
    public Highlighting.HighlighterKind Highlighter { get; init; } = Highlighting.HighlighterKind.Default;
}
