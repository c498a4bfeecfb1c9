namespace Quire.Kernel.CSharp.Display;

/// <summary>An SVG image (<c>image/svg+xml</c>); terminals see a short description instead of the markup.</summary>
public sealed class SvgContent(string svg) : MimeContent(MimeTypes.Svg, svg, $"<SVG image, {svg.Length} characters>");
