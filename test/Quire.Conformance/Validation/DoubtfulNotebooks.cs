using System.Text;
using System.Text.Json.Nodes;
using static Quire.Conformance.Validation.NotebookJson;

namespace Quire.Conformance.Validation;

/// <summary>Notebooks on which a hand-coded validator could plausibly disagree with nbformat.</summary>
public static class DoubtfulNotebooks
{
    private const int GarbageBytes = 100 * 1024 * 1024;

    public static IEnumerable<DoubtfulNotebook> All() => [.. Versions(), .. CellIds(), .. WrongTypes(), .. Metadata(), .. Future(), .. NotNotebooks()];

    private static DoubtfulNotebook Case(string name, JsonNode notebook) => new(name, Bytes(notebook));

    private static DoubtfulNotebook Cell(string name, int minor, Action<JsonObject> change) => Case(name, WithCell(Minimal(minor), change));

    private static DoubtfulNotebook Output(string name, JsonObject output, Action<JsonObject> change)
    {
        change(output);
        return Case(name, NewNotebook(5, Code("c1", output)));
    }

    private static IEnumerable<DoubtfulNotebook> Versions()
    {
        yield return Case("full-4.5", Full());
        for (var minor = 0; minor <= 5; minor++)
        {
            yield return Case($"minimal-4.{minor}", Minimal(minor));
        }

        yield return Case("attachments-markdown-4.0", WithCell(NewNotebook(0, Markdown(null)), c => c["attachments"] = new JsonObject { ["a.png"] = new JsonObject { ["image/png"] = "AAAA" } }));
        yield return Cell("attachments-code-4.0", 0, c => c["attachments"] = new JsonObject());
        yield return Cell("id-in-4.4", 4, c => c["id"] = "abc");
        yield return Cell("jupyter-metadata-not-object-4.2", 2, c => c["metadata"] = new JsonObject { ["jupyter"] = 5 });
        yield return Cell("jupyter-metadata-not-object-4.3", 3, c => c["metadata"] = new JsonObject { ["jupyter"] = 5 });
        yield return Cell("execution-metadata-number-4.3", 3, c => c["metadata"] = new JsonObject { ["execution"] = new JsonObject { ["iopub.status.busy"] = 1 } });
        yield return Cell("execution-metadata-number-4.4", 4, c => c["metadata"] = new JsonObject { ["execution"] = new JsonObject { ["iopub.status.busy"] = 1 } });
        yield return Cell("execution-metadata-multiline-key-4.5", 5, c => c["metadata"] = new JsonObject { ["execution"] = new JsonObject { ["a\nb"] = 1 } });
        yield return Cell("execution-metadata-final-newline-key-4.5", 5, c => c["metadata"] = new JsonObject { ["execution"] = new JsonObject { ["a\n"] = 1 } });
        var title41 = Minimal(1);
        title41["metadata"]!["title"] = 5;
        yield return Case("title-number-4.1", title41);
        var title42 = Minimal(2);
        title42["metadata"]!["title"] = 5;
        yield return Case("title-number-4.2", title42);
        var extra = Minimal(5);
        extra["foo"] = 1;
        yield return Case("extra-top-level-key-4.5", extra);
        var noMinor = Minimal(4);
        noMinor.Remove("nbformat_minor");
        yield return Case("missing-nbformat-minor", noMinor);
        var minorString = Minimal(5);
        minorString["nbformat_minor"] = "5";
        yield return Case("nbformat-minor-string", minorString);
        var minorNegative = Minimal(4);
        minorNegative["nbformat_minor"] = -1;
        yield return Case("nbformat-minor-negative", minorNegative);
        var five = Minimal(5);
        five["nbformat"] = 5;
        yield return Case("nbformat-5", five);
        var noMajor = Minimal(5);
        noMajor.Remove("nbformat");
        yield return Case("missing-nbformat", noMajor);
        var majorFloat = Minimal(5);
        majorFloat["nbformat"] = Json("4.0");
        yield return Case("nbformat-float", majorFloat);
        var majorTrue = Minimal(5);
        majorTrue["nbformat"] = true;
        yield return Case("nbformat-true", majorTrue);
        var minorFloat = Minimal(5);
        minorFloat["nbformat_minor"] = Json("5.0");
        yield return Case("nbformat-minor-float", minorFloat);
        var noMetadata = Minimal(5);
        noMetadata.Remove("metadata");
        yield return Case("missing-metadata", noMetadata);
        var noCells = Minimal(4);
        noCells.Remove("cells");
        yield return Case("missing-cells", noCells);
    }

    private static IEnumerable<DoubtfulNotebook> CellIds()
    {
        yield return Case("missing-ids-4.5", NewNotebook(5, Code(null, Stream()), Markdown(null)));
        yield return Case("duplicate-ids-4.5", NewNotebook(5, Code("same"), Markdown("same"), Raw("same")));
        yield return Cell("id-64-chars", 5, c => c["id"] = new string('a', 64));
        yield return Cell("id-65-chars", 5, c => c["id"] = new string('a', 65));
        yield return Cell("id-empty", 5, c => c["id"] = string.Empty);
        yield return Cell("id-space", 5, c => c["id"] = "a b");
        yield return Cell("id-dot", 5, c => c["id"] = "a.b");
        yield return Cell("id-unicode", 5, c => c["id"] = "caf\u00e9");
        yield return Cell("id-final-newline", 5, c => c["id"] = "abc\n");
        yield return Cell("id-dash-underscore", 5, c => c["id"] = "-_-");
        yield return Cell("id-number", 5, c => c["id"] = 5);
    }

    private static IEnumerable<DoubtfulNotebook> WrongTypes()
    {
        yield return Cell("execution-count-float", 5, c => c["execution_count"] = Json("1.0"));
        yield return Cell("execution-count-exponent", 5, c => c["execution_count"] = Json("1e0"));
        yield return Cell("execution-count-minus-zero", 5, c => c["execution_count"] = Json("-0"));
        yield return Cell("execution-count-negative", 5, c => c["execution_count"] = -1);
        yield return Cell("execution-count-null", 5, c => c["execution_count"] = null);
        yield return Cell("execution-count-string", 5, c => c["execution_count"] = "1");
        yield return Cell("execution-count-bool", 5, c => c["execution_count"] = true);
        yield return Cell("source-number", 5, c => c["source"] = 5);
        yield return Cell("source-list-with-number", 5, c => c["source"] = new JsonArray("a", 1));
        yield return Cell("outputs-object", 5, c => c["outputs"] = new JsonObject());
        yield return Cell("metadata-array", 5, c => c["metadata"] = new JsonArray());
        yield return Cell("missing-outputs", 5, c => c.Remove("outputs"));
        yield return Cell("missing-source", 5, c => c.Remove("source"));
        yield return Cell("extra-cell-key", 5, c => c["foo"] = 1);
        yield return Cell("unknown-cell-type", 5, c => c["cell_type"] = "heading");
        yield return Cell("cell-type-number", 5, c => c["cell_type"] = 1);
        yield return Cell("missing-cell-type", 5, c => c.Remove("cell_type"));
        yield return Output("output-type-strem", Stream(), o => o["output_type"] = "strem");
        yield return Output("stream-missing-text", Stream(), o => o.Remove("text"));
        yield return Output("stream-name-number", Stream(), o => o["name"] = 5);
        yield return Output("stream-extra-key", Stream(), o => o["foo"] = 1);
        yield return Output("error-traceback-string", Error(), o => o["traceback"] = "x");
        yield return Output("error-traceback-numbers", Error(), o => o["traceback"] = new JsonArray(1));
        yield return Output("execute-result-count-float", ExecuteResult(), o => o["execution_count"] = Json("2.0"));
        yield return Output("execute-result-missing-count", ExecuteResult(), o => o.Remove("execution_count"));
        yield return Output("data-text-number", DisplayData(), o => o["data"]!["text/plain"] = 5);
        yield return Output("data-json-number", DisplayData(), o => o["data"]!["application/json"] = 5);
        yield return Output("data-json-suffix-object", DisplayData(), o => o["data"]!["application/geo+json"] = new JsonObject());
        yield return Output("data-text-json-object", DisplayData(), o => o["data"]!["text/json"] = new JsonObject());
        yield return Output("data-json-final-newline-key", DisplayData(), o => o["data"]!["application/json\n"] = new JsonObject());
        yield return Output("data-array", DisplayData(), o => o["data"] = new JsonArray());
        yield return Output("output-metadata-string", DisplayData(), o => o["metadata"] = "x");
    }

    private static IEnumerable<DoubtfulNotebook> Metadata()
    {
        static DoubtfulNotebook CellMetadata(string name, string key, JsonNode? value) =>
            Cell(name, 5, c => c["metadata"] = new JsonObject { [key] = value });

        yield return CellMetadata("scrolled-auto", "scrolled", "auto");
        yield return CellMetadata("scrolled-one", "scrolled", 1);
        yield return CellMetadata("scrolled-two", "scrolled", 2);
        yield return CellMetadata("scrolled-one-float", "scrolled", Json("1.0"));
        yield return CellMetadata("scrolled-zero", "scrolled", 0);
        yield return CellMetadata("scrolled-string", "scrolled", "yes");
        yield return CellMetadata("collapsed-string", "collapsed", "yes");
        yield return CellMetadata("name-empty", "name", string.Empty);
        yield return CellMetadata("name-final-newline", "name", "ab\n");
        yield return CellMetadata("tags-string", "tags", "a");
        yield return CellMetadata("tags-duplicate", "tags", new JsonArray("a", "a"));
        yield return CellMetadata("tags-comma", "tags", new JsonArray("a,b"));
        yield return CellMetadata("tags-ok", "tags", new JsonArray("a", "b c"));
        var kernelspec = Minimal(5);
        kernelspec["metadata"]!["kernelspec"]!["name"] = 5;
        yield return Case("kernelspec-name-number", kernelspec);
        var languageInfo = Minimal(5);
        languageInfo["metadata"]!["language_info"] = new JsonObject { ["version"] = "3" };
        yield return Case("language-info-missing-name", languageInfo);
        var codemirror = Minimal(5);
        codemirror["metadata"]!["language_info"]!["codemirror_mode"] = 3;
        yield return Case("codemirror-mode-number", codemirror);
        var original = Minimal(5);
        original["metadata"]!["orig_nbformat"] = "stripped on read";
        yield return Case("orig-nbformat-string", original);
        var authors = Minimal(5);
        authors["metadata"]!["authors"] = new JsonObject();
        yield return Case("authors-object", authors);
        yield return new DoubtfulNotebook("deep-metadata-100", DeeplyNested(100));
        yield return new DoubtfulNotebook("deep-metadata-100000", DeeplyNested(100_000));
    }

    private static IEnumerable<DoubtfulNotebook> Future()
    {
        var future = Minimal(9);
        future["foo"] = 1;
        var cell = (JsonObject)future["cells"]![0]!;
        cell["bar"] = 1;
        ((JsonObject)cell["outputs"]![0]!)["baz"] = 1;
        ((JsonArray)cell["outputs"]!).Add(new JsonObject { ["output_type"] = "hologram", ["data"] = 1 });
        ((JsonArray)future["cells"]!).Add(new JsonObject { ["cell_type"] = "heading", ["metadata"] = new JsonObject(), ["level"] = 1 });
        yield return Case("future-4.9-extra-keys", future);
        yield return Case("future-4.9-unknown-cell-number-type", NewNotebook(9, new JsonObject { ["cell_type"] = 5, ["metadata"] = new JsonObject() }));
        yield return Case("future-4.9-unknown-cell-no-metadata", NewNotebook(9, new JsonObject { ["cell_type"] = "heading" }));
        yield return Case("future-4.9-unknown-cell-list-id", NewNotebook(9, new JsonObject { ["cell_type"] = "x", ["metadata"] = new JsonObject(), ["id"] = new JsonArray() }));
        yield return Case("future-4.9-unknown-cell-number-source", NewNotebook(9, new JsonObject { ["cell_type"] = "x", ["metadata"] = new JsonObject(), ["source"] = new JsonArray(1) }));
        yield return Case("future-4.9-code-attachments-list", WithCell(Minimal(9), c => c["attachments"] = new JsonArray()));
        yield return Case("future-4.9-output-text-numbers", NewNotebook(9, Code("c1", new JsonObject { ["output_type"] = "hologram", ["text"] = new JsonArray(1) })));
        yield return Case("future-4.9-output-type-list", NewNotebook(9, Code("c1", new JsonObject { ["output_type"] = new JsonArray() })));
        yield return Case("future-4.9-data-number", NewNotebook(9, Code("c1", new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/plain"] = 5 }, ["metadata"] = new JsonObject() })));
        yield return Case("future-4.9-unknown-output-type-strem", NewNotebook(9, Code("c1", new JsonObject { ["output_type"] = "strem" })));
        yield return Case("future-4.9-code-missing-outputs", WithCell(Minimal(9), c => c.Remove("outputs")));
        yield return Case("future-4.9-missing-ids", NewNotebook(9, Code(null), Markdown(null)));
    }

    private static IEnumerable<DoubtfulNotebook> NotNotebooks()
    {
        var full = Bytes(Full());
        yield return new DoubtfulNotebook("truncated", full[..(full.Length / 2)]);
        yield return new DoubtfulNotebook("json-array", Encoding.UTF8.GetBytes("[{\"nbformat\": 4}]"));
        yield return new DoubtfulNotebook("bom-prefixed", [0xEF, 0xBB, 0xBF, .. full]);
        yield return new DoubtfulNotebook("empty-file", []);
        yield return new DoubtfulNotebook("metadata-nan", Encoding.UTF8.GetBytes("{\"cells\": [], \"metadata\": {\"x\": NaN}, \"nbformat\": 4, \"nbformat_minor\": 5}"));
        yield return new DoubtfulNotebook("v3-notebook", Encoding.UTF8.GetBytes(
            "{\"metadata\": {\"name\": \"n\"}, \"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": [{\"cells\": [" +
            "{\"cell_type\": \"code\", \"input\": \"1\", \"language\": \"python\", \"metadata\": {}, \"outputs\": [], \"prompt_number\": 1}," +
            "{\"cell_type\": \"heading\", \"level\": 1, \"metadata\": {}, \"source\": \"T\"}], \"metadata\": {}}]}"));
        var garbage = new byte[GarbageBytes];
        new Random(20240607).NextBytes(garbage);
        yield return new DoubtfulNotebook("random-garbage-100MB", garbage);
    }
}
