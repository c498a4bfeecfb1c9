using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Format;

public sealed class V3ConverterTests
{
    private const string V3 = """
        {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": "n", "signature": "s", "kept": 1},
         "worksheets": [{"cells": [
           {"cell_type": "heading", "level": 2, "source": ["Multi", "line\r\nheading"], "metadata": {}},
           {"cell_type": "code", "language": "python", "collapsed": true, "input": ["a = 1\n", "b"], "prompt_number": 4,
            "metadata": {}, "outputs": [
              {"output_type": "pyout", "prompt_number": 4, "text": ["1", "2"], "png": "iVBO", "json": "{\"k\": [1, 2.5]}",
               "metadata": {"png": {"width": 3}}},
              {"output_type": "pyerr", "ename": "E", "evalue": "v", "traceback": []},
              {"output_type": "stream", "text": "out\n"}]},
           {"cell_type": "html", "source": "<b/>", "extra": [1]}]},
           {"cells": [{"cell_type": "raw", "source": "second worksheet"}]}]}
        """;

    private static JObject Cell(JObject nb, int index) => (JObject)nb.GetArray("cells")![index];

    [Fact]
    public void Convert_FlattensWorksheets_AndBecomes45WithIds()
    {
        var nb = NotebookReader.Read(V3).Document.Json;

        Assert.Equal("""{"nbformat": 4, "nbformat_minor": 5}""", JObject.Of(("nbformat", nb["nbformat"]!), ("nbformat_minor", nb["nbformat_minor"]!)).ToString());
        Assert.Equal(4, nb.GetArray("cells")!.Count);
        Assert.All(nb.GetArray("cells")!, c => Assert.Matches("^[0-9a-f]{8}$", ((JObject)c).GetString("id")));
        Assert.Equal("""{"kept": 1, "orig_nbformat": 3, "orig_nbformat_minor": 0}""", nb["metadata"]!.ToString());
    }

    [Fact]
    public void Convert_HeadingBecomesMarkdown_WithHashesAndOneLine()
    {
        var heading = Cell(NotebookReader.Read(V3).Document.Json, 0);

        Assert.Equal("markdown", heading.GetString("cell_type"));
        // v3 joins a list whose first line has no line break with "\n"; the heading then joins its lines with " ".
        Assert.Equal("## Multi line heading", heading.GetString("source"));
        Assert.False(heading.ContainsKey("level"));
    }

    [Fact]
    public void Convert_CodeCell_MovesInputPromptCollapsedAndUpgradesOutputs()
    {
        var code = Cell(NotebookReader.Read(V3).Document.Json, 1);

        Assert.Equal("a = 1\nb", code.GetString("source"));
        Assert.Equal("4", code["execution_count"]!.ToString());
        Assert.Equal("""{"collapsed": true}""", code["metadata"]!.ToString());
        Assert.False(code.ContainsKey("language") || code.ContainsKey("input") || code.ContainsKey("prompt_number"));
        var outputs = code.GetArray("outputs")!;
        Assert.Equal(
            """{"data": {"application/json": {"k": [1, 2.5]}, "image/png": "iVBO", "text/plain": "1\n2"}, "execution_count": 4, "metadata": {"image/png": {"width": 3}}, "output_type": "execute_result"}""",
            outputs[0].ToString());
        Assert.Equal("""{"ename": "E", "evalue": "v", "output_type": "error", "traceback": []}""", outputs[1].ToString());
        Assert.Equal("""{"name": "stdout", "output_type": "stream", "text": "out\n"}""", outputs[2].ToString());
    }

    [Fact]
    public void Convert_HtmlCellBecomesMarkdown_KeepingUnknownFields()
    {
        var html = Cell(NotebookReader.Read(V3).Document.Json, 2);

        Assert.Equal("markdown", html.GetString("cell_type"));
        Assert.Equal("[1]", html["extra"]!.ToString());
        Assert.Equal("{}", html["metadata"]!.ToString());
    }

    [Fact]
    public void Write_ConvertedNotebook_DropsOrigNbformat()
    {
        var text = NotebookWriter.ToText(NotebookReader.Read(V3).Document);

        Assert.DoesNotContain("orig_nbformat", text, StringComparison.Ordinal);
        Assert.Contains("\"nbformat_minor\": 5\n}\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"nbformat": 3, "nbformat_minor": 0, "metadata": {}}""")]
    [InlineData("""{"nbformat": 3, "metadata": {}, "worksheets": []}""")]
    [InlineData("""{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [{"cell_type": "code"}]}]}""")]
    public void Convert_WhatPythonCannotRead_Throws(string json) =>
        Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(json));

    [Fact]
    public void Read_NoNbformatAtAll_IsReadAsVersion1LikePython()
    {
        var nb = NotebookReader.Read("""{"cells": [{"cell_type": "text", "text": "t"}], "metadata": {"lost": 1}}""").Document.Json;

        Assert.Equal(5, NotebookReader.Read("""{"cells": []}""").Document.FormatMinor);
        Assert.Equal("markdown", Cell(nb, 0).GetString("cell_type"));
        Assert.Equal("""{"orig_nbformat": 2, "orig_nbformat_minor": 0}""", nb["metadata"]!.ToString());
    }
}
