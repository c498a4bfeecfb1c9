using static Quire.Notebook.Tests.Validation.ValidationAssert;

namespace Quire.Notebook.Tests.Validation;

public sealed class CellRulesTests
{
    private const string IdMessage = "cells[0].id: id must be 1–64 characters of letters, digits, \"-\" and \"_\"";

    [Theory]
    [InlineData("a")]
    [InlineData("-_-")]
    [InlineData("Az09")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void CellId_LettersDigitsDashUnderscore_UpTo64_IsValid(string id) => Valid(Nb(5, Code(id)));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("caf\u00e9")]
    [InlineData("abc\\n")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void CellId_OtherwiseIsReported(string id) => Invalid(Nb(5, Code(id)), IdMessage);

    [Fact]
    public void CellId_MustBeAString() => Invalid(Nb(5, Code(null, "\"id\": 5")), "cells[0].id: expected a string, found an integer");

    [Fact]
    public void CellId_IsRequiredIn45() =>
        Invalid(Nb(5, Code(null), Markdown(null), Raw(null)),
            "cells[0]: missing required property \"id\"",
            "cells[1]: missing required property \"id\"",
            "cells[2]: missing required property \"id\"");

    [Fact]
    public void CellId_IsUnexpectedBefore45() => Invalid(Nb(4, Code("abc")), "cells[0]: unexpected property \"id\"");

    [Fact]
    public void CellIds_Repeated_AreReportedAtEachRepeat() =>
        Invalid(Nb(5, Code("x"), Markdown("y"), Raw("x"), Markdown("x")),
            "cells[2].id: duplicate cell id \"x\"",
            "cells[3].id: duplicate cell id \"x\"");

    [Fact]
    public void CellType_Unknown_IsOneIssueOnTheField()
    {
        Invalid(Nb(5, """{"cell_type": "heading", "id": "h", "level": 1, "metadata": {}, "source": "T"}"""),
            "cells[0].cell_type: unknown value \"heading\"");
        Invalid(Nb(5, """{"cell_type": 1, "metadata": {}}"""), "cells[0].cell_type: unknown value 1");
    }

    [Fact]
    public void CellType_Missing_IsReportedOnTheCell() =>
        Invalid(Nb(5, """{"id": "a", "metadata": {}, "source": ""}"""), "cells[0]: missing required property \"cell_type\"");

    [Fact]
    public void CodeCell_RequiresItsKeys() =>
        Invalid(Nb(5, """{"cell_type": "code", "id": "a"}"""),
            "cells[0]: missing required property \"metadata\"",
            "cells[0]: missing required property \"source\"",
            "cells[0]: missing required property \"outputs\"",
            "cells[0]: missing required property \"execution_count\"");

    [Theory]
    [InlineData("1.0", "cells[0].execution_count: expected an integer or null, found a number")]
    [InlineData("1e0", "cells[0].execution_count: expected an integer or null, found a number")]
    [InlineData("\"1\"", "cells[0].execution_count: expected an integer or null, found a string")]
    [InlineData("true", "cells[0].execution_count: expected an integer or null, found a boolean")]
    [InlineData("-1", "cells[0].execution_count: must be 0 or greater, found -1")]
    public void ExecutionCount_IsANonNegativeIntegerOrNull(string value, string expected) =>
        Invalid(Nb(5, Code("c", $"\"execution_count\": {value}")), expected);

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("null")]
    public void ExecutionCount_Accepts(string value) => Valid(Nb(5, Code("c", $"\"execution_count\": {value}")));

    [Fact]
    public void Source_IsAStringOrAnArrayOfStrings()
    {
        Valid(Nb(5, Code("c", "\"source\": [\"a\\n\", \"b\"]")));
        Invalid(Nb(5, Code("c", "\"source\": 5")), "cells[0].source: expected a string or an array of strings, found an integer");
        Invalid(Nb(5, Code("c", "\"source\": [\"a\", null]")), "cells[0].source[1]: expected a string, found null");
    }

    [Fact]
    public void Attachments_AreAllowedInMarkdownAndRaw_EvenIn40()
    {
        const string Attachments = "\"attachments\": {\"a.png\": {\"image/png\": \"AAAA\", \"text/plain\": [\"x\"]}}";
        Valid(Nb(0, Markdown(null, Attachments), Raw(null, Attachments)));
        Invalid(Nb(0, Code(null, Attachments)), "cells[0]: unexpected property \"attachments\"");
    }

    [Fact]
    public void Attachments_AreMimeBundles() =>
        Invalid(Nb(5, Markdown("m", "\"attachments\": {\"a.png\": {\"image/png\": 5}, \"b.png\": []}")),
            "cells[0].attachments[\"a.png\"][\"image/png\"]: expected a string or an array of strings, found an integer",
            "cells[0].attachments[\"b.png\"]: expected an object, found an array");

    [Fact]
    public void Cells_RejectUnknownKeys() =>
        Invalid(Nb(5, Markdown("m", "\"outputs\": []"), Raw("r", "\"trusted\": true")),
            "cells[0]: unexpected property \"outputs\"",
            "cells[1]: unexpected property \"trusted\"");
}
