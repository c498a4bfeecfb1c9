using static Quire.Notebook.Tests.Validation.ValidationAssert;

namespace Quire.Notebook.Tests.Validation;

public sealed class OutputRulesTests
{
    [Fact]
    public void OutputType_Unknown_IsOneIssueOnTheField() =>
        Invalid(WithOutput("""{"output_type": "strem", "name": "stdout", "text": ""}"""),
            "cells[0].outputs[0].output_type: unknown value \"strem\"");

    [Fact]
    public void OutputType_Missing_IsReportedOnTheOutput() =>
        Invalid(WithOutput("""{"name": "stdout", "text": ""}"""), "cells[0].outputs[0]: missing required property \"output_type\"");

    [Fact]
    public void Outputs_MustBeAnArrayOfObjects()
    {
        Invalid(Nb(5, Code("c", "\"outputs\": {}")), "cells[0].outputs: expected an array, found an object");
        Invalid(WithOutput("\"x\""), "cells[0].outputs[0]: expected an object, found a string");
    }

    [Fact]
    public void Stream_RequiresNameAndText_AndNothingElse()
    {
        Invalid(WithOutput("""{"output_type": "stream", "name": 1, "foo": 2}"""),
            "cells[0].outputs[0]: missing required property \"text\"",
            "cells[0].outputs[0]: unexpected property \"foo\"",
            "cells[0].outputs[0].name: expected a string, found an integer");
        Invalid(WithOutput("""{"output_type": "stream", "name": "stdout", "text": ["a", 1]}"""),
            "cells[0].outputs[0].text[1]: expected a string, found an integer");
    }

    [Fact]
    public void Error_RequiresStringsAndATracebackArray()
    {
        Invalid(WithOutput("""{"output_type": "error", "ename": 1, "evalue": "v", "traceback": "t"}"""),
            "cells[0].outputs[0].ename: expected a string, found an integer",
            "cells[0].outputs[0].traceback: expected an array of strings, found a string");
        Invalid(WithOutput("""{"output_type": "error", "ename": "E", "evalue": "v", "traceback": [1]}"""),
            "cells[0].outputs[0].traceback[0]: expected a string, found an integer");
    }

    [Fact]
    public void ExecuteResult_RequiresItsExecutionCount()
    {
        Invalid(WithOutput("""{"output_type": "execute_result", "data": {}, "metadata": {}}"""),
            "cells[0].outputs[0]: missing required property \"execution_count\"");
        Invalid(WithOutput("""{"output_type": "execute_result", "data": {}, "metadata": {}, "execution_count": 2.0}"""),
            "cells[0].outputs[0].execution_count: expected an integer or null, found a number");
    }

    [Fact]
    public void DisplayData_HasNoExecutionCount_AndObjectMetadata() =>
        Invalid(WithOutput("""{"output_type": "display_data", "data": [], "metadata": "m", "execution_count": 1}"""),
            "cells[0].outputs[0]: unexpected property \"execution_count\"",
            "cells[0].outputs[0].data: expected an object, found an array",
            "cells[0].outputs[0].metadata: expected an object, found a string");

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/geo+json")]
    [InlineData("application/vnd.a+b+json")]
    [InlineData("application/json\\n")]
    public void MimeBundle_JsonTypes_TakeAnyValue(string mime) =>
        Valid(WithOutput(DisplayData(mime, """{"a": [1, null]}""")));

    [Theory]
    [InlineData("text/json")]
    [InlineData("application/jsonx")]
    [InlineData("application/x-json")]
    [InlineData("application/a\\n+json")]
    public void MimeBundle_OtherTypes_TakeMultilineStrings(string mime)
    {
        var issues = Issues(WithOutput(DisplayData(mime, "{}")));
        Assert.Equal("expected a string or an array of strings, found an object", Assert.Single(issues).Split(": ", 2)[1]);
    }

    private static string DisplayData(string mime, string value) =>
        "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"" + mime + "\": " + value + "}}";
}
