using ColorCode;
using ColorCode.Common;
using ColorCode.Parsing;
using ColorCode.Styling;

namespace Quire.Conversion.Highlighting;

/// <summary>ColorCode's regular-expression grammars (it has Python and C#, not R).</summary>
internal sealed class ColorCodeHighlighter : CodeColorizerBase, ICodeHighlighter
{
    private readonly ILanguage _language;
    private Html.HtmlWriter? _writer;

    // Nested languages (HTML's CSS and script) are looked up here; notebooks' languages need none, but ColorCode asks.
    private static readonly LanguageRepository Repository = new(Languages.All.ToDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase));

    private ColorCodeHighlighter(ILanguage language)
        : base(StyleDictionary.DefaultLight, new LanguageParser(CompiledRegexLanguageCompiler.Instance, Repository)) => _language = language;

    public static ColorCodeHighlighter? Create(string languageId)
    {
        var language = Languages.FindById(languageId switch
        {
            "python" => LanguageId.Python,
            "csharp" => LanguageId.CSharp,
            "fsharp" => LanguageId.FSharp,
            "java" => LanguageId.Java,
            "javascript" => LanguageId.JavaScript,
            "typescript" => LanguageId.TypeScript,
            "powershell" => LanguageId.PowerShell,
            "sql" => LanguageId.Sql,
            "cpp" => LanguageId.Cpp,
            "haskell" => LanguageId.Haskell,
            "matlab" => LanguageId.MatLab,
            _ => languageId,
        });
        return language is null ? null : new ColorCodeHighlighter(language);
    }

    public void WriteHtml(Html.HtmlWriter writer, string code)
    {
        _writer = writer;
        try
        {
            languageParser.Parse(code, _language, Write);
        }
        finally
        {
            _writer = null;
        }
    }

    protected override void Write(string parsedSourceCode, IList<Scope> scopes)
    {
        var writer = _writer!;
        var position = 0;
        foreach (var scope in scopes.OrderBy(s => s.Index))
        {
            if (scope.Index < position)
            {
                continue;
            }

            writer.Text(parsedSourceCode.AsSpan(position, scope.Index - position));
            var cls = TokenClasses.FromColorCodeScope(scope.Name);
            var text = parsedSourceCode.AsSpan(scope.Index, scope.Length);
            if (cls is null)
            {
                writer.Text(text);
            }
            else
            {
                writer.Raw("<span class=\"").Raw(cls).Raw("\">").Text(text).Raw("</span>");
            }

            position = scope.Index + scope.Length;
        }

        writer.Text(parsedSourceCode.AsSpan(position));
    }
}
