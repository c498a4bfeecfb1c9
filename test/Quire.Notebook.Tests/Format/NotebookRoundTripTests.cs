using Quire.Notebook.Format;

namespace Quire.Notebook.Tests.Format;

public sealed class NotebookRoundTripTests
{
    private static string RoundTrip(string json) => NotebookWriter.ToText(NotebookReader.Read(json).Document);

    [Fact]
    public void RoundTrip_CrLfSplitAcrossListItems_IsRejoinedAndSplitAsPython()
    {
        const string Input = """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["a\r", "\nb\u2028c\r", "\r\n", ""]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """;

        var document = NotebookReader.Read(Input).Document;

        Assert.Equal("a\r\nb\u2028c\r\r\n", document.Json.GetArray("cells")![0].AsObject()!.GetString("source"));
        Assert.Contains("\"source\": [\n    \"a\\r\\n\",\n    \"b\u2028\",\n    \"c\\r\",\n    \"\\r\\n\"\n   ]", NotebookWriter.ToText(document), StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_KeepsMinorVersion_UnknownFields_AndDropsTransientKeys()
    {
        const string Input = """
            {"cells": [{"cell_type": "raw", "metadata": {"trusted": true, "x": {"y": [1e-7, -0]}}, "source": "", "mine": 1}],
             "metadata": {"signature": "s", "orig_nbformat": 3, "custom": {"ü": null}}, "nbformat": 4, "nbformat_minor": 2, "extra": true}
            """;

        Assert.Equal("""
            {
             "cells": [
              {
               "cell_type": "raw",
               "metadata": {
                "x": {
                 "y": [
                  1e-07,
                  0
                 ]
                }
               },
               "mine": 1,
               "source": []
              }
             ],
             "extra": true,
             "metadata": {
              "custom": {
               "ü": null
              }
             },
             "nbformat": 4,
             "nbformat_minor": 2
            }

            """, RoundTrip(Input));
    }

    [Fact]
    public void RoundTrip_MimeBundles_JsonKeptWhole_TextSplit_OtherStringsJoined()
    {
        const string Input = """
            {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "x", "outputs": [
              {"output_type": "display_data", "metadata": {}, "data": {
                "application/json": {"a": ["b\n", "c"]}, "application/vnd.foo+json": ["l1\n", "l2"],
                "image/png": ["iVBO\n", "Rw0K"], "text/plain": "p\nq", "image/svg+xml": "<svg>\n</svg>"}},
              {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["\u001b[0;31mE\u001b[0m"]}]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

        var text = RoundTrip(Input);

        Assert.Contains("\"application/vnd.foo+json\": [\n       \"l1\\n\",\n       \"l2\"\n      ]", text, StringComparison.Ordinal);
        Assert.Contains("\"image/png\": \"iVBO\\nRw0K\"", text, StringComparison.Ordinal);
        Assert.Contains("\"text/plain\": [\n       \"p\\n\",\n       \"q\"\n      ]", text, StringComparison.Ordinal);
        Assert.Contains("\"image/svg+xml\": [\n       \"<svg>\\n\",", text, StringComparison.Ordinal);
        Assert.Contains("\"\\u001b[0;31mE\\u001b[0m\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_45WithMissingOrDuplicateIds_RepairsThem()
    {
        const string Input = """
            {"cells": [{"cell_type": "raw", "id": "a", "metadata": {}, "source": ""},
                       {"cell_type": "raw", "id": "a", "metadata": {}, "source": ""},
                       {"cell_type": "raw", "metadata": {}, "source": ""}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

        var result = NotebookReader.Read(Input);
        var ids = result.Document.Cells.Select(c => c.Id).ToList();

        Assert.Equal(2, result.Repairs.Length);
        Assert.Equal("a", ids[0]);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids.Skip(1), id => Assert.Matches("^[0-9a-f]{8}$", id));
    }

    [Fact]
    public void Read_Pre45WithoutIds_IsLeftAlone_UpgradeTo45AddsIds()
    {
        var document = NotebookReader.Read("""{"cells": [{"cell_type": "raw", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 3}""").Document;

        Assert.Equal(3, document.FormatMinor);
        Assert.Null(document.Cells[0].Id);
        var upgraded = CellIds.UpgradeTo45(document);
        Assert.Equal(5, upgraded.FormatMinor);
        Assert.Matches("^[0-9a-f]{8}$", upgraded.Cells[0].Id);
    }

    [Theory]
    [InlineData("""{"nbformat": 5, "nbformat_minor": 0}""", "unsupported nbformat version 5")]
    [InlineData("""{"nbformat": 4.0, "nbformat_minor": 0}""", "unsupported nbformat version 4.0")]
    [InlineData("[]", "a notebook is a JSON object, not an array")]
    public void Read_NotANotebook_Throws(string json, string reason) =>
        Assert.Equal(reason, Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(json)).Reason);

    [Fact]
    public void Read_SyntaxError_ReportsFileLineAndColumn()
    {
        var ex = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read("{\n \"cells\": [,]}", "x.ipynb"));

        Assert.Equal(("x.ipynb", 2L, 12L), (ex.File, ex.Line, ex.Column));
    }

    [Fact]
    public void Write_PythonConstantsAndHugeNumbers_AsPython() =>
        Assert.Contains("\"n\": [\n   NaN,\n   Infinity,\n   -Infinity,\n   Infinity\n  ]",
            RoundTrip("""{"cells": [], "metadata": {"n": [NaN, Infinity, -Infinity, 1e999]}, "nbformat": 4, "nbformat_minor": 5}"""),
            StringComparison.Ordinal);
}
