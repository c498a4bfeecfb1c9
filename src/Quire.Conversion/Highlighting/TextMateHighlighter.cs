using TextMateSharp.Grammars;
using TextMateSharp.Registry;

namespace Quire.Conversion.Highlighting;

/// <summary>VS Code's TextMate grammars (via TextMateSharp and its bundled grammars), tokenized line by line.</summary>
internal sealed class TextMateHighlighter : ICodeHighlighter
{
    // A pathological line must not stall a conversion; past this the tokenizer leaves the rest of the line plain. Generous,
    // because a grammar's first lines also compile its regular expressions, and a loaded machine must not change the output.
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(5);
    private readonly TextMateSharp.Grammars.IGrammar _grammar;

    private TextMateHighlighter(TextMateSharp.Grammars.IGrammar grammar) => _grammar = grammar;

    /// <summary>A highlighter for a language id (<c>python</c>, <c>csharp</c>, <c>r</c>, …), or null when no grammar has it.</summary>
    public static TextMateHighlighter? Create(string languageId)
    {
        var options = new RegistryOptions(ThemeName.LightPlus);
        var scope = options.GetScopeByLanguageId(languageId);
        if (string.IsNullOrEmpty(scope))
        {
            return null;
        }

        var grammar = new Registry(options).LoadGrammar(scope);
        return grammar is null ? null : new TextMateHighlighter(grammar);
    }

    public void WriteHtml(Html.HtmlWriter writer, string code)
    {
        IStateStack? state = null;
        var lines = code.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            if (n > 0)
            {
                writer.Raw("\n");
            }

            var line = lines[n];
            var result = _grammar.TokenizeLine(line, state, LineTimeout);
            state = result.RuleStack;
            var position = 0;
            foreach (var token in result.Tokens)
            {
                var start = Math.Clamp(token.StartIndex, position, line.Length);
                var end = Math.Clamp(token.EndIndex, start, line.Length);
                if (end == start)
                {
                    continue;
                }

                if (start > position)
                {
                    writer.Text(line.AsSpan(position, start - position));
                }

                var cls = TokenClasses.FromTextMateScopes(token.Scopes);
                if (cls is null)
                {
                    writer.Text(line.AsSpan(start, end - start));
                }
                else
                {
                    writer.Raw("<span class=\"").Raw(cls).Raw("\">").Text(line.AsSpan(start, end - start)).Raw("</span>");
                }

                position = end;
            }

            if (position < line.Length)
            {
                writer.Text(line.AsSpan(position));
            }
        }
    }
}
