namespace Quire.Conversion;

/// <summary>nbconvert's HTML templates: <c>lab</c> (default), <c>classic</c>, and <c>basic</c> (a body fragment, no page chrome).</summary>
public enum HtmlTemplate
{
    Lab,
    Classic,
    Basic,
}
