namespace Quire.Conversion;

/// <summary>What <c>quire convert --to</c> produces (nbconvert's exporter names).</summary>
public enum ConversionFormat
{
    Html,
    Markdown,
    Script,
    Notebook,
}
