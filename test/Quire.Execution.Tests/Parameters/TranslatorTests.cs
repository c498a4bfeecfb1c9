using Quire.Execution.Parameters;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Parameters;

/// <summary>
/// The translators' output, value type by value type, against papermill's translators.py: the base
/// <c>translate_escaped_str</c> (unicode_escape, then <c>"</c> → <c>\"</c>, in double quotes), Python's
/// <c>True/False/None</c>, R's <c>TRUE/FALSE/NULL</c> and <c>list(...)</c>, C#'s <c>var x = ...;</c> with ints past
/// 32 bits suffixed <c>L</c>. Where papermill fails (C# null, mixed C# lists) Quire's choices are pinned here too.
/// </summary>
public sealed class TranslatorTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // language, JSON value, expected literal, why
        { "python", "\"hello\"", "\"hello\"", "translate_escaped_str" },
        { "python", "42", "42", "translate_int = raw str" },
        { "python", "2.5", "2.5", "translate_float = raw str (repr)" },
        { "python", "1e100", "1e+100", "str(1e100)" },
        { "python", "true", "True", "PythonTranslator.translate_bool = str(val)" },
        { "python", "null", "None", "translate_none = str(None)" },
        { "python", "[1, \"a\", null]", "[1, \"a\", None]", "translate_list" },
        { "python", "{\"k\": {\"n\": [true]}}", "{\"k\": {\"n\": [True]}}", "translate_dict with nesting" },
        { "python", "NaN", "float('nan')", "newer papermill: translate_float of nan" },
        { "R", "\"hello\"", "\"hello\"", "translate_escaped_str" },
        { "R", "true", "TRUE", "RTranslator.translate_bool" },
        { "R", "null", "NULL", "RTranslator.translate_none" },
        { "R", "[1, 2]", "list(1, 2)", "RTranslator.translate_list" },
        { "R", "{\"a\": 1}", "list(\"a\" = 1)", "RTranslator.translate_dict" },
        { "C#", "\"hello\"", "\"hello\"", "translate_escaped_str" },
        { "C#", "true", "true", "CSharpTranslator.translate_bool" },
        { "C#", "7", "7", "CSharpTranslator.translate_int within 32 bits" },
        { "C#", "3000000000", "3000000000L", "CSharpTranslator.translate_int past 32 bits" },
        { "C#", "2.5", "2.5", "raw float" },
        { "C#", "3.0", "3.0", "a double literal, not an int" },
        { "C#", "[1, 2]", "new int[] { 1, 2 }", "papermill: new [] { 1, 2 } (same type)" },
        { "C#", "[\"a\", \"b\"]", "new string[] { \"a\", \"b\" }", "papermill: new [] { ... }" },
        { "C#", "[1, \"a\"]", "new object?[] { 1, \"a\" }", "papermill's new [] would not compile" },
        { "C#", "{\"a\": 1}", "new global::System.Collections.Generic.Dictionary<string, object?> { { \"a\", 1 } }", "papermill: new Dictionary<string,Object>{ { \"a\" , 1 } }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_type_translates_as_papermill_does(string language, string json, string expected, string because)
    {
        var translator = ParameterTranslators.Find(null, language);

        var literal = translator.Translate(JsonParser.Parse(json));

        Assert.True(expected == literal, $"{language} {json}: expected {expected} ({because}), got {literal}");
    }

    [Fact]
    public void Codify_writes_papermills_comment_line_and_one_assignment_per_parameter()
    {
        var parameters = new NotebookParameters().Set("alpha", JNumber.From(1)).Set("name", JString.From("x"));

        Assert.Equal("# Parameters\nalpha = 1\nname = \"x\"\n", new PythonTranslator().Codify(parameters.Values));
        Assert.Equal("// Parameters\nvar @alpha = 1;\nvar @name = \"x\";\n", new CSharpTranslator().Codify(parameters.Values));
        Assert.Equal("# Parameters\nalpha = 1\nname = \"x\"\n", new RTranslator().Codify(parameters.Values));
    }

    [Fact]
    public void R_drops_leading_underscores_from_names_as_papermill_does()
    {
        var parameters = new NotebookParameters().Set("__private", JNumber.From(1));

        Assert.Equal("# Parameters\nprivate = 1\n", new RTranslator().Codify(parameters.Values));
    }

    [Fact]
    public void CSharp_null_is_a_typed_declaration_where_papermill_raises()
    {
        var parameters = new NotebookParameters().Set("nothing", JLiteral.Null);

        Assert.Equal("// Parameters\nobject? @nothing = null;\n", new CSharpTranslator().Codify(parameters.Values));
    }

    [Theory]
    [InlineData("python")]
    [InlineData("R")]
    public void Strings_are_unicode_escaped_as_papermill_escapes_them(string language)
    {
        // Python: 'a"b\\c\nd\té€😀\x01'.encode('unicode_escape').decode().replace('"', '\\"')
        var literal = ParameterTranslators.Find(null, language).Translate(JString.From("a\"b\\c\nd\té€😀\u0001"));

        Assert.Equal("\"a\\\"b\\\\c\\nd\\t\\xe9\\u20ac\\U0001f600\\x01\"", literal);
    }

    [Theory]
    [InlineData("kernel", "python", typeof(PythonTranslator))]
    [InlineData("ir", null, typeof(RTranslator))]
    [InlineData(".net-csharp", null, typeof(CSharpTranslator))]
    [InlineData("csharp", "csharp", typeof(CSharpTranslator))]
    [InlineData("julia-1.9", "julia", typeof(JsonFallbackTranslator))]
    public void Translators_are_found_by_kernel_name_then_language(string kernel, string? language, Type expected)
    {
        Assert.IsType(expected, ParameterTranslators.Find(kernel, language));
    }

    [Theory]
    [InlineData("x=1")]
    [InlineData("a b")]
    [InlineData("1abc")]
    [InlineData("os.system")]
    [InlineData("")]
    public void Names_that_are_not_identifiers_are_refused(string name)
    {
        var ex = Assert.Throws<ParameterException>(() => new NotebookParameters().Set(name, JNumber.From(1)));

        Assert.Contains("not an identifier", ex.Message, StringComparison.Ordinal);
    }
}
