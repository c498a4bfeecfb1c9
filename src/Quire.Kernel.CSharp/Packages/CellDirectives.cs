using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Quire.Kernel.CSharp.Packages;

/// <summary>
/// The <c>#r</c> and <c>#load</c> directives of a cell, read with Roslyn's own parser. <c>#r "nuget: ..."</c> is
/// the kernel's to carry out; relative <c>#r "lib.dll"</c> and <c>#load "util.csx"</c> are made absolute against the
/// kernel's working directory, because cells compile under a file name ("cell") that has no directory of its own.
/// Every rewrite stays on its line, so line numbers in the cell do not move.
/// </summary>
internal static class CellDirectives
{
    private static readonly CSharpParseOptions ScriptOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static bool MayHaveDirectives(string code) =>
        code.Contains("#r", StringComparison.Ordinal) || code.Contains("#load", StringComparison.Ordinal);

    /// <summary>The packages the cell asks for, in order.</summary>
    public static IReadOnlyList<PackageReference> FindPackages(string code)
    {
        if (!MayHaveDirectives(code))
        {
            return [];
        }

        return [.. Root(code).GetReferenceDirectives().Select(d => PackageReference.Parse(d.File.ValueText)).OfType<PackageReference>()];
    }

    /// <summary>
    /// The cell with its package directives replaced (the first by <paramref name="packagesReplacement"/>, the others
    /// by nothing) and its relative paths made absolute.
    /// </summary>
    public static string Rewrite(string code, string baseDirectory, string packagesReplacement)
    {
        if (!MayHaveDirectives(code))
        {
            return code;
        }

        var root = Root(code);
        var edits = new List<(TextSpan Span, string Text)>();
        var firstPackage = true;
        foreach (var directive in root.GetReferenceDirectives())
        {
            var file = directive.File.ValueText;
            if (PackageReference.Parse(file) is not null)
            {
                edits.Add((directive.Span, firstPackage ? packagesReplacement : string.Empty));
                firstPackage = false;
            }
            else if (IsRelativeFile(file))
            {
                edits.Add((directive.File.Span, Quote(Path.GetFullPath(file, baseDirectory))));
            }
        }

        foreach (var directive in root.GetLoadDirectives())
        {
            var file = directive.File.ValueText;
            if (file.Length > 0 && !Path.IsPathRooted(file))
            {
                edits.Add((directive.File.Span, Quote(Path.GetFullPath(file, baseDirectory))));
            }
        }

        var text = code;
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
        {
            text = string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));
        }

        return text;
    }

    /// <summary>A directive's file literal: directives take the text between the quotes as is, with no escapes.</summary>
    public static string Quote(string path) => "\"" + path + "\"";

    private static bool IsRelativeFile(string file) =>
        !Path.IsPathRooted(file)
        && (file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
            || file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal));

    private static CompilationUnitSyntax Root(string code) => (CompilationUnitSyntax)SyntaxFactory.ParseSyntaxTree(code, ScriptOptions).GetRoot();
}
