using System.Text;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Json;

/// <summary>Arrays of strings are held as UTF-8 slices and joined lazily; these pin down that nothing observable changes.</summary>
public sealed class StringArrayTests
{
    [Fact]
    public void Parse_ArrayOfStrings_EnumeratesAsStrings()
    {
        var array = (JArray)JsonParser.Parse("""["a\n", "b\u00e9\n", "c"]""");

        Assert.Equal(3, array.Count);
        Assert.Equal(["a\n", "bé\n", "c"], array.Select(v => v.AsString()));
        Assert.True(array.IsAllStrings());
    }

    [Fact]
    public void Parse_MixedArray_KeepsEveryItemInOrder()
    {
        var array = (JArray)JsonParser.Parse("""["a", "b", 3, ["c"], null]""");

        Assert.Equal("""["a", "b", 3, ["c"], null]""", JsonText.ToCompactString(array));
        Assert.False(array.IsAllStrings());
    }

    [Theory]
    [InlineData("""["a", "b\n"]""", "[\n \"ab\\n\"\n]")]
    [InlineData("""["a\r", "\nb"]""", "[\n \"a\\r\\n\",\n \"b\"\n]")]
    [InlineData("""["x\n", "", "y"]""", "[\n \"x\\n\",\n \"y\"\n]")]
    [InlineData("""["x\ny\n", "z"]""", "[\n \"x\\n\",\n \"y\\n\",\n \"z\"\n]")]
    [InlineData("""["x\n", "y\n"]""", "[\n \"x\\n\",\n \"y\\n\"\n]")]
    public void JoinThenSplit_GivesPythonsLines_WhateverTheOriginalSplit(string lines, string expected)
    {
        var joined = NbformatTransforms.Join((JArray)JsonParser.Parse(lines));

        var split = PythonLines.SplitToArray(joined);

        Assert.Equal(expected, PythonJsonWriter.ToText(split));
    }

    [Fact]
    public void Join_IsLazy_ButBytesAndTextAreTheConcatenation()
    {
        var joined = NbformatTransforms.Join((JArray)JsonParser.Parse("""["α\n", "β"]"""));

        Assert.Equal(Encoding.UTF8.GetByteCount("α\nβ"), joined.Utf8Length);
        Assert.Equal("α\nβ", joined.Value);
        Assert.Equal(Encoding.UTF8.GetBytes("α\nβ"), joined.Utf8.ToArray());
    }
}
