namespace Quire.Conversion.Highlighting;

/// <summary>
/// Picks a highlighter for a notebook's language (from <c>language_info</c> or the kernelspec), cached per language and
/// per thread: loading a grammar costs milliseconds, highlighting a cell microseconds, and highlighters keep state
/// while they work, so a thread never shares one.
/// </summary>
internal static class CodeHighlighters
{
    [ThreadStatic]
    private static Dictionary<(HighlighterKind, string), ICodeHighlighter>? _threadCache;

    public static ICodeHighlighter For(HighlighterKind kind, string? language)
    {
        var id = LanguageId(language);
        if (kind == HighlighterKind.None || id is null)
        {
            return PlainHighlighter.Instance;
        }

        _threadCache ??= [];
        if (!_threadCache.TryGetValue((kind, id), out var highlighter))
        {
            highlighter = Create(kind, id);
            _threadCache[(kind, id)] = highlighter;
        }

        return highlighter;
    }

    private static ICodeHighlighter Create(HighlighterKind kind, string id) => kind switch
        {
            HighlighterKind.ColorCode => (ICodeHighlighter?)ColorCodeHighlighter.Create(id) ?? PlainHighlighter.Instance,
            HighlighterKind.TextMate => (ICodeHighlighter?)TextMateHighlighter.Create(id) ?? PlainHighlighter.Instance,
            // Measured on the 50 MB benchmark notebook (bench/conversion): ColorCode about 1 s of CPU, TextMate about
            // 4.5 s. So ColorCode wherever it has the language (Python, C#, …), TextMate for the rest (R, Julia, …).
            _ => (ICodeHighlighter?)ColorCodeHighlighter.Create(id) ?? (ICodeHighlighter?)TextMateHighlighter.Create(id) ?? PlainHighlighter.Instance,
        };

    /// <summary>Kernel language names as Jupyter kernels report them, mapped to grammar ids.</summary>
    public static string? LanguageId(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "python" or "python3" or "ipython" or "ipython3" => "python",
        "c#" or "csharp" or "cs" or "c-sharp" => "csharp",
        "f#" or "fsharp" => "fsharp",
        "r" => "r",
        "javascript" or "js" or "node" => "javascript",
        "typescript" or "ts" => "typescript",
        "bash" or "sh" or "shell" => "shellscript",
        "c++" or "cpp" => "cpp",
        var other => other,
    };
}
