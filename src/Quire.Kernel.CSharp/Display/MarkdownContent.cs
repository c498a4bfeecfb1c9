namespace Quire.Kernel.CSharp.Display;

/// <summary>Markdown rendered by the frontend (<c>text/markdown</c>); the source is readable as the text fallback.</summary>
public sealed class MarkdownContent(string markdown) : MimeContent(MimeTypes.Markdown, markdown, markdown);
