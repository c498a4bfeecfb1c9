namespace Quire.Kernel.CSharp.Display;

/// <summary>HTML shown as is (<c>text/html</c>); the markup itself is the text fallback.</summary>
public sealed class HtmlContent(string html) : MimeContent(MimeTypes.Html, html, html);
