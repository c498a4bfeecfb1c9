using Quire.Notebook.Json;
using Quire.Notebook.Validation;

namespace Quire.Notebook.Tests.Validation;

/// <summary>Runs the validator on JSON text and compares its issues, rendered <c>path: message</c>, in order.</summary>
internal static class ValidationAssert
{
    public static IReadOnlyList<string> Issues(string json) =>
        [.. NotebookValidator.Validate((JObject)JsonParser.Parse(json)).Select(i => i.ToString())];

    public static void Valid(string json) => Assert.Empty(Issues(json));

    public static void Invalid(string json, params string[] expected) => Assert.Equal(expected, Issues(json));

    /// <summary>A notebook of minor version <paramref name="minor"/> with the given cells (JSON text of each).</summary>
    public static string Nb(int minor, params string[] cells) =>
        $$"""{"cells": [{{string.Join(", ", cells)}}], "metadata": {}, "nbformat": 4, "nbformat_minor": {{minor}}}""";

    /// <summary>A code cell; <paramref name="extra"/> is JSON members added (or repeated, which replaces them).</summary>
    public static string Code(string? id = "c1", string extra = "", string outputs = "") =>
        $$"""{{{Id(id)}}"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [{{outputs}}], "source": ""{{Extra(extra)}}}""";

    public static string Markdown(string? id = "m1", string extra = "") =>
        $$"""{{{Id(id)}}"cell_type": "markdown", "metadata": {}, "source": "# T"{{Extra(extra)}}}""";

    public static string Raw(string? id = "r1", string extra = "") =>
        $$"""{{{Id(id)}}"cell_type": "raw", "metadata": {}, "source": "x"{{Extra(extra)}}}""";

    /// <summary>A 4.5 notebook with one code cell holding <paramref name="output"/>.</summary>
    public static string WithOutput(string output, int minor = 5) => Nb(minor, Code(minor >= 5 ? "c1" : null, outputs: output));

    /// <summary>A 4.5 notebook (or <paramref name="minor"/>) whose code cell has <paramref name="metadata"/>.</summary>
    public static string WithCodeMetadata(string metadata, int minor = 5) =>
        Nb(minor, Code(minor >= 5 ? "c1" : null, $"\"metadata\": {metadata}"));

    private static string Id(string? id) => id is null ? string.Empty : $"\"id\": \"{id}\", ";

    private static string Extra(string extra) => extra.Length == 0 ? string.Empty : ", " + extra;
}
