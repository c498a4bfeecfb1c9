using Quire.Notebook.Diffing;
using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Notebook.Tests.Diffing;

public sealed class NotebookDifferTests
{
    private static NotebookDocument Notebook(int minor, params string[] cells) =>
        NotebookReader.Read($$"""{"cells":[{{string.Join(',', cells)}}],"metadata":{},"nbformat":4,"nbformat_minor":{{minor}}}""").Document;

    private static string Code(string source, string? id = null, int? count = null, string outputs = "") =>
        $$"""{"cell_type":"code",{{IdField(id)}}"execution_count":{{Number(count) ?? "null"}},"metadata":{},"outputs":[{{outputs}}],"source":{{Text(source)}}}""";

    private static string Markdown(string source, string? id = null, string metadata = "{}") =>
        $$"""{"cell_type":"markdown",{{IdField(id)}}"metadata":{{metadata}},"source":{{Text(source)}}}""";

    private static string IdField(string? id) => id is null ? "" : $"\"id\":\"{id}\",";

    private static string Text(string source) => JsonText.ToCompactString(JString.From(source));

    private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Kinds(NotebookDiff diff) =>
        string.Join(' ', diff.Cells.Select(c => $"{c.Kind}:{Number(c.OldIndex) ?? "_"}>{Number(c.NewIndex) ?? "_"}"));

    [Fact]
    public void Diff_SameNotebook_HasNoChanges()
    {
        var nb = Notebook(5, Markdown("# T", "m"), Code("x = 1", "c", 1));

        var diff = NotebookDiffer.Diff(nb, nb);

        Assert.False(diff.HasChanges);
        Assert.Equal("Unchanged:0>0 Unchanged:1>1", Kinds(diff));
    }

    [Fact]
    public void Diff_ById_ReportsSourceCountAndOutputChanges()
    {
        const string stream1 = """{"name":"stdout","output_type":"stream","text":"1"}""";
        const string stream2 = """{"name":"stdout","output_type":"stream","text":"2"}""";
        const string image = """{"data":{"image/png":"AA","text/plain":"<Figure>"},"metadata":{},"output_type":"display_data"}""";
        var before = Notebook(5, Code("x = 1\nprint(x)", "c", 1, stream1));
        var after = Notebook(5, Code("x = 2\nprint(x)", "c", 2, $"{stream2},{image}"));

        var cell = Assert.Single(NotebookDiffer.Diff(before, after).Cells);

        Assert.Equal(CellChangeKind.Modified, cell.Kind);
        Assert.True(cell.SourceChanged);
        Assert.True(cell.ExecutionCountChanged);
        Assert.Equal("1 → 2 (stream changed, image/png added)", cell.Outputs!.ToString());
        Assert.Empty(cell.Changes);
    }

    [Fact]
    public void Diff_OnlyOutputsCleared_IsModifiedWithOutputSummary()
    {
        const string error = """{"ename":"ValueError","evalue":"x","output_type":"error","traceback":[]}""";
        var before = Notebook(5, Code("f()", "c", 1, error));
        var after = Notebook(5, Code("f()", "c", 1));

        var cell = Assert.Single(NotebookDiffer.Diff(before, after).Cells);

        Assert.False(cell.SourceChanged);
        Assert.Equal("1 → 0 (error ValueError removed)", cell.Outputs!.ToString());
    }

    [Fact]
    public void Diff_AddedAndRemoved_RemovalsComeFirstInTheSameGap()
    {
        var before = Notebook(5, Code("a", "a"), Code("b", "b"), Code("c", "c"));
        var after = Notebook(5, Code("a", "a"), Code("new", "n"), Code("c", "c"));

        var diff = NotebookDiffer.Diff(before, after);

        Assert.Equal("Unchanged:0>0 Removed:1>_ Added:_>1 Unchanged:2>2", Kinds(diff));
    }

    [Fact]
    public void Diff_OneCellMovedToTheFront_OnlyThatCellIsMoved()
    {
        var before = Notebook(5, Code("a", "a"), Code("b", "b"), Code("c", "c"), Code("d", "d"));
        var after = Notebook(5, Code("d", "d"), Code("a", "a"), Code("b", "b"), Code("c", "c"));

        var diff = NotebookDiffer.Diff(before, after);

        Assert.Equal("Moved:3>0 Unchanged:0>1 Unchanged:1>2 Unchanged:2>3", Kinds(diff));
        Assert.True(diff.HasChanges);
        Assert.False(diff.Cells[0].HasContentChanges);
    }

    [Fact]
    public void Diff_WithoutIds_AlignsBySimilarity()
    {
        var before = Notebook(4, Markdown("# Title"), Code("total = sum(values)\nprint(total)"), Code("import os"));
        var after = Notebook(
            4, Markdown("# Title"), Code("plot(values)"), Code("total = sum(values) / n\nprint(total)"), Code("import os"));

        var diff = NotebookDiffer.Diff(before, after);

        Assert.Equal("Unchanged:0>0 Added:_>1 Modified:1>2 Unchanged:2>3", Kinds(diff));
    }

    [Fact]
    public void Diff_DifferentIds_AreNotPairedEvenWithTheSameSource()
    {
        var diff = NotebookDiffer.Diff(Notebook(5, Code("x", "old")), Notebook(5, Code("x", "new")));

        Assert.Equal("Removed:0>_ Added:_>0", Kinds(diff));
    }

    [Fact]
    public void Diff_CellTypeAndMetadata_AreReportedAsKeyPaths()
    {
        var before = Notebook(5, Markdown("x", "m", """{"tags":["a"],"old":1,"nested":{"k":1}}"""));
        var after = Notebook(5, Code("x", "m"));
        var afterMarkdown = Notebook(5, Markdown("x", "m", """{"tags":["b"],"new":true,"nested":{"k":2}}"""));

        var typeChange = Assert.Single(NotebookDiffer.Diff(before, after).Cells);
        var metadata = Assert.Single(NotebookDiffer.Diff(before, afterMarkdown).Cells);

        Assert.True(typeChange.CellTypeChanged);
        Assert.Equal(
            ["metadata.tags Changed", "metadata.old Removed", "metadata.nested.k Changed", "metadata.new Added"],
            metadata.Changes.Select(c => $"{c.Path} {c.Kind}"));
    }

    [Fact]
    public void Diff_NotebookMetadataAndVersion_AreListed()
    {
        var before = NotebookReader.Read("""{"cells":[],"metadata":{"kernelspec":{"name":"python3"}},"nbformat":4,"nbformat_minor":4}""").Document;
        var after = NotebookReader.Read("""{"cells":[],"metadata":{"kernelspec":{"name":"ir"},"x":1},"nbformat":4,"nbformat_minor":5}""").Document;

        var diff = NotebookDiffer.Diff(before, after);

        Assert.Equal(
            ["metadata.kernelspec.name Changed", "metadata.x Added", "nbformat_minor Changed"],
            diff.Notebook.Select(c => $"{c.Path} {c.Kind}"));
        Assert.Equal("ir", diff.Notebook[0].New!.AsString());
    }
}
