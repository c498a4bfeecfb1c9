using Quire.Notebook.Json;
using Quire.Notebook.Validation;
using static Quire.Notebook.Tests.Validation.ValidationAssert;

namespace Quire.Notebook.Tests.Validation;

public sealed class NotebookValidatorTests
{
    private const string FullNotebook = """
        {
          "cells": [
            {"cell_type": "markdown", "id": "intro", "metadata": {"tags": ["a", "b"], "jupyter": {"source_hidden": true}},
             "source": "# Title\n![x](attachment:x.png)", "attachments": {"x.png": {"image/png": "iVBORw0KGgo="}}},
            {"cell_type": "code", "id": "code-1", "execution_count": 3,
             "metadata": {"collapsed": false, "scrolled": "auto", "name": "first",
                          "execution": {"iopub.status.busy": "2024-01-01T00:00:00Z", "shell.execute_reply": "2024-01-01T00:00:01Z"}},
             "source": ["import sys\n", "print(1)"],
             "outputs": [
               {"output_type": "stream", "name": "stdout", "text": ["1\n", "2\n"]},
               {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                "data": {"text/plain": "3", "application/json": {"a": [1, 2]}, "application/vnd.x+json": 5}},
               {"output_type": "display_data", "metadata": {"image/png": {"width": 10}},
                "data": {"image/png": "iVBORw0KGgo=", "text/html": ["<b>", "x</b>"]}},
               {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": ["line 1", "line 2"]}
             ]},
            {"cell_type": "raw", "id": "raw_1", "metadata": {"format": "text/x-rst"}, "source": ""}
          ],
          "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python", "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                              "mimetype": "text/x-python", "pygments_lexer": "ipython3", "version": "3.11.2"},
            "title": "A notebook", "authors": [{"name": "Ada"}], "anything": {"else": [1, 2, 3]}
          },
          "nbformat": 4,
          "nbformat_minor": 5
        }
        """;

    [Fact]
    public void FullNotebook_WithEveryOutputType_HasNoIssues() => Valid(FullNotebook);

    [Fact]
    public void Validate_Document_ChecksItsJson()
    {
        var document = new NotebookDocument((JObject)JsonParser.Parse(FullNotebook));
        Assert.Empty(NotebookValidator.Validate(document));
        Assert.Throws<ArgumentNullException>(() => NotebookValidator.Validate((NotebookDocument)null!));
        Assert.Throws<ArgumentNullException>(() => NotebookValidator.Validate((JObject)null!));
    }

    [Fact]
    public void EmptyNotebook_OfEveryMinorVersion_IsValid()
    {
        for (var minor = 0; minor <= 5; minor++)
        {
            Valid(Nb(minor));
        }
    }

    [Fact]
    public void SeveralProblems_AreAllReported()
    {
        var json = Nb(
            5,
            Code("ok", "\"execution_count\": 1.0, \"foo\": 1", """{"output_type": "strem", "text": ""}"""),
            Markdown("bad id"),
            """{"cell_type": "code", "id": "ok", "metadata": [], "outputs": [], "execution_count": -1}""");
        Invalid(
            json.Replace("\"metadata\": {}, \"nbformat\"", "\"metadata\": {\"kernelspec\": {\"name\": 1}}, \"extra\": true, \"nbformat\"", StringComparison.Ordinal),
            "unexpected property \"extra\"",
            "metadata.kernelspec: missing required property \"display_name\"",
            "metadata.kernelspec.name: expected a string, found an integer",
            "cells[0]: unexpected property \"foo\"",
            "cells[0].outputs[0].output_type: unknown value \"strem\"",
            "cells[0].execution_count: expected an integer or null, found a number",
            "cells[1].id: id must be 1–64 characters of letters, digits, \"-\" and \"_\"",
            "cells[2]: missing required property \"source\"",
            "cells[2].metadata: expected an object, found an array",
            "cells[2].execution_count: must be 0 or greater, found -1",
            "cells[2].id: duplicate cell id \"ok\"");
    }

    [Fact]
    public void Root_RequiresItsFourKeys() =>
        Invalid("""{"nbformat": 4}""",
            "missing required property \"metadata\"",
            "missing required property \"nbformat_minor\"",
            "missing required property \"cells\"");

    [Fact]
    public void Root_RejectsUnknownKeys() =>
        Invalid(Nb(5).Replace("{\"cells\"", "{\"worksheets\": [], \"cells\"", StringComparison.Ordinal), "unexpected property \"worksheets\"");

    [Theory]
    [InlineData("5", "nbformat: unsupported nbformat version 5: the schema is for nbformat 4")]
    [InlineData("3", "nbformat: unsupported nbformat version 3: the schema is for nbformat 4")]
    [InlineData("\"4\"", "nbformat: expected an integer, found a string")]
    [InlineData("4.0", "nbformat: expected an integer, found a number")]
    [InlineData("true", "nbformat: expected an integer, found a boolean")]
    public void Nbformat_MustBeTheInteger4(string value, string expected) =>
        Invalid(Nb(5).Replace("\"nbformat\": 4", $"\"nbformat\": {value}", StringComparison.Ordinal), expected);

    [Theory]
    [InlineData("\"5\"", "nbformat_minor: expected an integer, found a string")]
    [InlineData("5.0", "nbformat_minor: expected an integer, found a number")]
    [InlineData("null", "nbformat_minor: expected an integer, found null")]
    [InlineData("-1", "nbformat_minor: must be 0 or greater, found -1")]
    public void NbformatMinor_MustBeANonNegativeInteger(string value, string expected) =>
        Invalid(Nb(5).Replace("\"nbformat_minor\": 5", $"\"nbformat_minor\": {value}", StringComparison.Ordinal), expected);

    [Fact]
    public void Cells_MustBeAnArrayOfObjects()
    {
        Invalid(Nb(5).Replace("\"cells\": []", "\"cells\": {}", StringComparison.Ordinal), "cells: expected an array, found an object");
        Invalid(Nb(5, "1", "null"), "cells[0]: expected an object, found an integer", "cells[1]: expected an object, found null");
    }

    [Fact]
    public void Paths_QuoteKeysThatAreNotIdentifiers() =>
        Invalid(WithOutput("""{"output_type": "display_data", "metadata": {}, "data": {"text/plain": 1}}"""),
            "cells[0].outputs[0].data[\"text/plain\"]: expected a string or an array of strings, found an integer");
}
