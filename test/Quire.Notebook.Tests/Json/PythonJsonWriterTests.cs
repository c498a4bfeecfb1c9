using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Json;

public sealed class PythonJsonWriterTests
{
    private static string Write(string json) => PythonJsonWriter.ToText(JsonParser.Parse(json));

    [Fact]
    public void Write_EscapesAsPythonDoes_LowercaseHex_NonAsciiKept() =>
        Assert.Equal(
            "\"\\\"\\\\/\\n\\r\\t\\b\\f\\u0000\\u001b\\u001f\u007f é😀\u2028\"",
            Write("""  "\"\\\/\n\r\t\b\f\u0000\u001B\u001f\u007F \u00e9\ud83d\ude00\u2028"  """));

    [Fact]
    public void Write_SortsKeysByCodePoint_AstralAfterBmpPrivateUse()
    {
        // UTF-16 order would put the surrogate pair of U+1F600 before U+FF5E; Python's order does not.
        var text = Write("""{"😀": 1, "\uff5e": 2, "\ue000": 3, "b": 4, "B": 5, "": 6, "é": 7}""");

        Assert.Equal("{\n \"\": 6,\n \"B\": 5,\n \"b\": 4,\n \"é\": 7,\n \"\ue000\": 3,\n \"\uff5e\": 2,\n \"😀\": 1\n}", text);
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("1e-7", "1e-07")]
    [InlineData("1E16", "1e+16")]
    [InlineData("1.0E+2", "100.0")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("-0", "0")]
    [InlineData("1e400", "Infinity")]
    [InlineData("-1e400", "-Infinity")]
    [InlineData("1e-400", "0.0")]
    [InlineData("NaN", "NaN")]
    [InlineData("-Infinity", "-Infinity")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("-98765432109876543210987654321", "-98765432109876543210987654321")]
    [InlineData("0.1000000000000000055511151231257827", "0.1")]
    public void Write_NumbersAsPython(string json, string expected) => Assert.Equal($"[\n {expected}\n]", Write($"[{json}]"));

    [Fact]
    public void Write_HugeIntegerDoesNotOverflowTheStack()
    {
        var digits = new string('7', 100_000);

        Assert.Equal(digits, Write(digits));
    }

    [Fact]
    public void Write_LayoutIsIndentOneWithEmptyContainersInline() =>
        Assert.Equal("{\n \"a\": [],\n \"b\": {},\n \"c\": [\n  true,\n  null\n ]\n}", Write("""{"c":[true,null],"b":{},"a":[]}"""));

    [Fact]
    public void ToCompactString_UsesPythonDefaultSeparators() =>
        Assert.Equal("""{"a": [1, 2], "b": "x"}""", JsonText.ToCompactString(JsonParser.Parse("""{"b":"x","a":[1,2]}""")));
}
