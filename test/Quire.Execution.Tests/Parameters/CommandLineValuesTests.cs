using Quire.Execution.Parameters;
using Quire.Notebook.Json;

namespace Quire.Execution.Tests.Parameters;

/// <summary>
/// papermill's CLI typing of <c>-p</c> values (papermill/cli.py, <c>_resolve_type</c>): "True"/"False" → bool,
/// "None" → None, <c>int(value)</c> succeeds → int, <c>float(value)</c> succeeds → float, else the string unchanged.
/// The expected values are what Python's <c>int()</c> and <c>float()</c> return for the same text.
/// </summary>
public sealed class CommandLineValuesTests
{
    [Theory]
    [InlineData("True", "true")]
    [InlineData("False", "false")]
    [InlineData("None", "null")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("+5", "5")]
    [InlineData(" 12 ", "12")]          // int(" 12 ") == 12
    [InlineData("1_000", "1000")]       // int("1_000") == 1000
    [InlineData("007", "7")]            // int("007") == 7
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("3.5", "3.5")]
    [InlineData("1e3", "1000.0")]       // float("1e3") == 1000.0
    [InlineData(".5", "0.5")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("nan", "NaN")]          // float("nan"); JSON as Python's json writes it
    [InlineData("-inf", "-Infinity")]
    [InlineData("Infinity", "Infinity")]
    [InlineData("true", "\"true\"")]    // only the capitalised Python spellings are booleans
    [InlineData("none", "\"none\"")]
    [InlineData("1_", "\"1_\"")]        // int("1_") raises, float("1_") raises
    [InlineData("0x10", "\"0x10\"")]    // int("0x10") raises without a base
    [InlineData("", "\"\"")]
    [InlineData("hello world", "\"hello world\"")]
    [InlineData("\"; os.system('x')", "\"\\\"; os.system('x')\"")]
    public void Values_are_typed_as_papermill_types_them(string text, string expectedJson)
    {
        var value = CommandLineValues.Resolve(text);

        Assert.Equal(expectedJson, JsonText.ToCompactString(value));
    }

    [Fact]
    public void Floats_and_ints_are_told_apart_as_python_does()
    {
        Assert.True(Assert.IsType<JNumber>(CommandLineValues.Resolve("10")).IsInteger, "10 should be an int");
        Assert.False(Assert.IsType<JNumber>(CommandLineValues.Resolve("10.0")).IsInteger, "10.0 should be a float");
    }
}
