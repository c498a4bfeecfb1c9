namespace Quire.Conversion.Script;

/// <summary>Line comments and file extensions of kernel languages, for scripts whose notebook does not say.</summary>
internal static class CommentSyntax
{
    public static string LinePrefix(string? language) => Normalize(language) switch
    {
        "csharp" or "fsharp" or "java" or "javascript" or "typescript" or "go" or "rust" or "c" or "cpp" or "scala" or "kotlin" or "swift" or "dart" => "//",
        "sql" or "haskell" or "lua" or "ada" => "--",
        "matlab" or "octave" or "erlang" or "prolog" => "%",
        "lisp" or "clojure" or "scheme" or "racket" => ";;",
        _ => "#",
    };

    public static string FileExtension(string? language) => Normalize(language) switch
    {
        "python" => ".py",
        "csharp" => ".cs",
        "fsharp" => ".fsx",
        "r" => ".r",
        "julia" => ".jl",
        "javascript" => ".js",
        "typescript" => ".ts",
        "shellscript" => ".sh",
        "scala" => ".scala",
        "java" => ".java",
        "go" => ".go",
        "rust" => ".rs",
        _ => ".txt",
    };

    private static string? Normalize(string? language) => Highlighting.CodeHighlighters.LanguageId(language);
}
