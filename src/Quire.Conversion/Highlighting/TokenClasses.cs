namespace Quire.Conversion.Highlighting;

/// <summary>Maps a grammar's scope or token name to a Pygments class, so both highlighters share one stylesheet.</summary>
internal static class TokenClasses
{
    /// <summary>From TextMate scopes (innermost last), e.g. <c>keyword.control.flow.python</c> → <c>k</c>.</summary>
    public static string? FromTextMateScopes(IReadOnlyList<string> scopes)
    {
        for (var i = scopes.Count - 1; i > 0; i--)
        {
            var scope = scopes[i];
            var cls = scope switch
            {
                _ when scope.StartsWith("comment", StringComparison.Ordinal) => "c",
                _ when scope.StartsWith("string", StringComparison.Ordinal) => "s",
                _ when scope.StartsWith("constant.numeric", StringComparison.Ordinal) => "m",
                _ when scope.StartsWith("constant.language", StringComparison.Ordinal) => "kc",
                _ when scope.StartsWith("keyword.operator", StringComparison.Ordinal) => "o",
                _ when scope.StartsWith("keyword", StringComparison.Ordinal) => "k",
                _ when scope.StartsWith("storage.type.function", StringComparison.Ordinal) || scope.StartsWith("storage.modifier", StringComparison.Ordinal) => "k",
                _ when scope.StartsWith("storage", StringComparison.Ordinal) => "kt",
                _ when scope.StartsWith("support.function", StringComparison.Ordinal) => "nb",
                _ when scope.StartsWith("entity.name.function", StringComparison.Ordinal) => "nf",
                _ when scope.StartsWith("entity.name.type", StringComparison.Ordinal) || scope.StartsWith("entity.name.class", StringComparison.Ordinal) => "nc",
                _ when scope.StartsWith("entity.name.namespace", StringComparison.Ordinal) => "nn",
                _ when scope.StartsWith("support.type", StringComparison.Ordinal) || scope.StartsWith("support.class", StringComparison.Ordinal) => "nc",
                _ when scope.StartsWith("variable.parameter", StringComparison.Ordinal) => "nv",
                _ when scope.StartsWith("meta.decorator", StringComparison.Ordinal) || scope.StartsWith("entity.name.function.decorator", StringComparison.Ordinal) => "nd",
                _ => null,
            };
            if (cls is not null)
            {
                return cls;
            }
        }

        return null;
    }

    /// <summary>From ColorCode's scope names (<c>ColorCode.Common.ScopeName</c>).</summary>
    public static string? FromColorCodeScope(string name) => name switch
    {
        "Comment" or "XML Doc Comment" or "XML Doc Tag" => "c",
        "String" or "String (C# @ Verbatim)" or "String (Escape)" => "s",
        "Number" => "m",
        "Keyword" or "Preprocessor Keyword" or "Control Keyword" => "k",
        "Type" or "Class Name" or "Interface" or "Type Variable" => "nc",
        "Operator" => "o",
        "Built-in function" => "nb",
        _ => null,
    };
}
