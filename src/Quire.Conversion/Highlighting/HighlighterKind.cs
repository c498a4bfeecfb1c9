namespace Quire.Conversion.Highlighting;

/// <summary>Which syntax highlighter renders code cells.</summary>
public enum HighlighterKind
{
    /// <summary>The measured choice: ColorCode where it has the language, else TextMate.</summary>
    Default,
    TextMate,
    ColorCode,
    None,
}
