using static Quire.Notebook.Tests.Validation.ValidationAssert;

namespace Quire.Notebook.Tests.Validation;

/// <summary>A notebook from a later 4.x than nbformat knows: the latest schema, relaxed, plus what its read needs.</summary>
public sealed class FutureMinorTests
{
    [Fact]
    public void ExtraKeysAndUnknownTypes_AreAllowed()
    {
        var json = Nb(
            9,
            Code("c", "\"bar\": 1", """{"output_type": "stream", "name": "stdout", "text": "", "baz": 1}, {"output_type": "hologram", "data": 1}, {"output_type": 0}"""),
            """{"cell_type": "heading", "metadata": {}, "level": 1}""",
            """{"cell_type": 5, "metadata": {}, "source": "x"}""");
        Valid(json.Replace("{\"cells\"", "{\"foo\": 1, \"cells\"", StringComparison.Ordinal));
    }

    [Fact]
    public void MimeBundleValues_AreNotChecked() =>
        Valid(WithOutput("""{"output_type": "display_data", "metadata": {}, "data": {"text/plain": 5}}""", minor: 9));

    [Fact]
    public void KnownTypes_KeepTheirRules() =>
        Invalid(Nb(9, Code("bad id", "\"execution_count\": 1.5")),
            "cells[0].id: id must be 1–64 characters of letters, digits, \"-\" and \"_\"",
            "cells[0].execution_count: expected an integer or null, found a number");

    [Fact]
    public void UnknownCell_NeedsCellTypeAndMetadata() =>
        Invalid(Nb(9, """{"cell_type": "heading", "metadata": {"tags": "x"}}""", """{"cell_type": "heading"}"""),
            "cells[0].metadata.tags: expected an array, found a string",
            "cells[1]: missing required property \"metadata\"");

    [Fact]
    public void WhatNbformatReadCannotHandle_IsReported() =>
        Invalid(
            Nb(
                9,
                """{"cell_type": "x", "metadata": {}, "id": [], "source": [1], "attachments": {"a": 1}}""",
                Code("c", "\"attachments\": []", """{"output_type": "hologram", "text": [1]}, {"output_type": {}}, {"output_type": "error", "ename": "E", "evalue": "", "traceback": [], "text": [2]}""")),
            "cells[0].source[0]: expected a string, found an integer",
            "cells[0].id: id must not be an array: nbformat cannot compare it",
            "cells[0].attachments.a: expected an object, found an integer",
            "cells[1].attachments: expected an object, found an array",
            "cells[1].outputs[0].text[0]: expected a string, found an integer",
            "cells[1].outputs[1].output_type: output_type must not be an object: nbformat cannot compare it",
            "cells[1].outputs[2].text[0]: expected a string, found an integer");

    [Fact]
    public void FalsyUnknownOutputType_TextIsNotJoined() =>
        Valid(WithOutput("""{"output_type": "", "text": [1]}, {"output_type": 0, "text": [1]}, {"output_type": null, "text": [1]}""", minor: 9));
}
