using static Quire.Notebook.Tests.Validation.ValidationAssert;

namespace Quire.Notebook.Tests.Validation;

public sealed class MetadataRulesTests
{
    private static string WithNotebookMetadata(string metadata, int minor = 5) =>
        Nb(minor).Replace("\"metadata\": {}", $"\"metadata\": {metadata}", StringComparison.Ordinal);

    [Fact]
    public void Metadata_MustBeAnObject() => Invalid(WithNotebookMetadata("[]"), "metadata: expected an object, found an array");

    [Fact]
    public void Kernelspec_RequiresStringNameAndDisplayName() =>
        Invalid(WithNotebookMetadata("""{"kernelspec": {"name": 3}}"""),
            "metadata.kernelspec: missing required property \"display_name\"",
            "metadata.kernelspec.name: expected a string, found an integer");

    [Fact]
    public void LanguageInfo_RequiresName_AndTypesItsFields() =>
        Invalid(WithNotebookMetadata("""{"language_info": {"codemirror_mode": 3, "mimetype": 1}}"""),
            "metadata.language_info: missing required property \"name\"",
            "metadata.language_info.codemirror_mode: expected a string or an object, found an integer",
            "metadata.language_info.mimetype: expected a string, found an integer");

    [Theory]
    [InlineData("0", "metadata.orig_nbformat: must be 1 or greater, found 0")]
    [InlineData("\"3\"", "metadata.orig_nbformat: expected an integer, found a string")]
    public void OrigNbformat_IsAPositiveInteger(string value, string expected) =>
        Invalid(WithNotebookMetadata($$"""{"orig_nbformat": {{value}}}"""), expected);

    [Fact]
    public void TitleAndAuthors_AreCheckedFrom42()
    {
        const string Metadata = """{"title": 5, "authors": {}}""";
        Valid(WithNotebookMetadata(Metadata, minor: 1));
        Invalid(WithNotebookMetadata(Metadata, minor: 2),
            "metadata.title: expected a string, found an integer",
            "metadata.authors: expected an array, found an object");
    }

    [Fact]
    public void JupyterCellMetadata_IsAnObjectFrom43()
    {
        Valid(WithCodeMetadata("""{"jupyter": 5}""", minor: 2));
        Invalid(WithCodeMetadata("""{"jupyter": 5}""", minor: 3), "cells[0].metadata.jupyter: expected an object, found an integer");
        Invalid(Nb(5, Markdown("m", "\"metadata\": {\"jupyter\": []}")), "cells[0].metadata.jupyter: expected an object, found an array");
    }

    [Fact]
    public void ExecutionMetadata_HoldsStringsFrom44()
    {
        const string Metadata = """{"execution": {"iopub.status.busy": 1, "custom": "x", "a\nb": 2, "c\n": 3}}""";
        Valid(WithCodeMetadata(Metadata, minor: 3));
        Invalid(WithCodeMetadata(Metadata, minor: 4),
            "cells[0].metadata.execution[\"iopub.status.busy\"]: expected a string, found an integer",
            "cells[0].metadata.execution[\"c\\n\"]: expected a string, found an integer");
        Invalid(WithCodeMetadata("""{"execution": "x"}"""), "cells[0].metadata.execution: expected an object, found a string");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("\"auto\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("1.0")]
    public void Scrolled_AcceptsWhatPythonFindsInTheEnum(string value) => Valid(WithCodeMetadata($$"""{"scrolled": {{value}}}"""));

    [Theory]
    [InlineData("2", "2")]
    [InlineData("\"yes\"", "\"yes\"")]
    [InlineData("null", "null")]
    public void Scrolled_RejectsOtherValues(string value, string shown) =>
        Invalid(WithCodeMetadata($$"""{"scrolled": {{value}}}"""), $"cells[0].metadata.scrolled: expected true, false or \"auto\", found {shown}");

    [Fact]
    public void Collapsed_IsABoolean() =>
        Invalid(WithCodeMetadata("""{"collapsed": "yes"}"""), "cells[0].metadata.collapsed: expected a boolean, found a string");

    [Fact]
    public void RawFormat_IsAString() =>
        Invalid(Nb(5, Raw("r", "\"metadata\": {\"format\": 1}")), "cells[0].metadata.format: expected a string, found an integer");

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"a\\nb\"")]
    [InlineData("\"ab\\n\"")]
    public void Name_IsANonEmptySingleLine(string value) =>
        Invalid(WithCodeMetadata($$"""{"name": {{value}}}"""), "cells[0].metadata.name: name must be a non-empty string without line feeds");

    [Fact]
    public void Tags_AreUniqueStringsWithoutCommas()
    {
        Valid(WithCodeMetadata("""{"tags": ["a", "b c", "d\n"]}"""));
        Invalid(WithCodeMetadata("""{"tags": "a"}"""), "cells[0].metadata.tags: expected an array, found a string");
        Invalid(WithCodeMetadata("""{"tags": ["a,b", "", 1, "x", "x"]}"""),
            "cells[0].metadata.tags[0]: tag must be non-empty and must not contain \",\"",
            "cells[0].metadata.tags[1]: tag must be non-empty and must not contain \",\"",
            "cells[0].metadata.tags[2]: expected a string, found an integer",
            "cells[0].metadata.tags[4]: duplicate tag \"x\"");
    }
}
