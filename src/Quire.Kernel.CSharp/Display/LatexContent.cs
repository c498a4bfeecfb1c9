namespace Quire.Kernel.CSharp.Display;

/// <summary>LaTeX math (<c>text/latex</c>), such as <c>$$e^{i\pi} + 1 = 0$$</c>; the source is the text fallback.</summary>
public sealed class LatexContent(string latex) : MimeContent(MimeTypes.Latex, latex, latex);
