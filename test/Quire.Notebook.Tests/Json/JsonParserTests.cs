using System.Runtime.InteropServices;
using System.Text;
using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Json;

public sealed class JsonParserTests
{
    [Fact]
    public void Parse_DuplicateKeys_LastValueWins()
    {
        var obj = (JObject)JsonParser.Parse("""{"a": 1, "b": 2, "a": {"x": 1, "x": 3}}""");

        Assert.Equal(2, obj.Count);
        Assert.Equal("""{"x": 3}""", obj["a"]!.ToString());
    }

    [Theory]
    [InlineData("{\n \"a\": 1,\n}", 3, 1)]
    [InlineData("{\"a\": 1} x", 1, 10)]
    [InlineData("[1,\n  tru]", 2, 6)]
    [InlineData("", 1, 1)]
    public void Parse_SyntaxError_ReportsLineAndColumn(string json, long line, long column)
    {
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(json));

        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Parse_Bom_IsRefusedAsPythonDoes()
    {
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' }));

        Assert.Contains("byte-order mark", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRefusedWithItsPosition()
    {
        var input = Encoding.ASCII.GetBytes("{\n \"a\": \"x?\"}");
        input[Array.IndexOf(input, (byte)'?')] = 0xFF;
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(input));

        Assert.Contains("UTF-8", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Parse_LoneSurrogateEscape_IsRefused() =>
        Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse("""["\ud800"]"""));

    [Fact]
    public void Parse_PythonConstants_OutsideStringsOnly()
    {
        var value = JsonParser.Parse("""{"s": "NaN Infinity", "n": [NaN, Infinity, -Infinity]}""");

        Assert.Equal("""{"n": [NaN, Infinity, -Infinity], "s": "NaN Infinity"}""", value.ToString());
        Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse("[1NaN]"));
        Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse("[-NaN]"));
    }

    [Fact]
    public void Parse_StringsWithoutEscapes_AreSlicesOfTheInput()
    {
        var input = Encoding.UTF8.GetBytes("""{"plain": "abc ü", "escaped": "a\nb"}""");
        var obj = (JObject)JsonParser.Parse(input);

        Assert.True(MemoryMarshal.TryGetArray(((JString)obj["plain"]!).Utf8, out var plain) && ReferenceEquals(plain.Array, input));
        Assert.Equal("a\nb", obj.GetString("escaped"));
    }

    [Fact]
    public void Parse_Numbers_KeepTheirText_IntegerOrFloatAsPython()
    {
        var array = (JArray)JsonParser.Parse("[1, 1.0, 1e2, 123456789012345678901234567890]");

        Assert.Equal([true, false, false, true], array.Select(n => ((JNumber)n).IsInteger));
        Assert.Equal("123456789012345678901234567890", ((JNumber)array[3]).Text);
    }
}
