namespace Quire.Kernel.CSharp.Display;

/// <summary>The mime types the kernel's display helpers produce.</summary>
internal static class MimeTypes
{
    public const string Plain = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string Latex = "text/latex";
    public const string Svg = "image/svg+xml";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Json = "application/json";
}
