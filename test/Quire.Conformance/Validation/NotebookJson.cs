using System.Text;
using System.Text.Json.Nodes;

namespace Quire.Conformance.Validation;

/// <summary>Builds notebook JSON for the doubtful notebooks: a valid base per minor version, then one change each.</summary>
public static class NotebookJson
{
    public static JsonObject NewNotebook(int minor, params JsonNode[] cells) => new()
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["name"] = "python3", ["display_name"] = "Python 3" },
            ["language_info"] = new JsonObject { ["name"] = "python", ["codemirror_mode"] = new JsonObject { ["name"] = "ipython" } },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = minor,
    };

    public static JsonObject Code(string? id, params JsonNode[] outputs)
    {
        var cell = new JsonObject { ["cell_type"] = "code", ["execution_count"] = 1, ["metadata"] = new JsonObject() };
        SetId(cell, id);
        cell["outputs"] = new JsonArray(outputs);
        cell["source"] = new JsonArray("x = 1\n", "x");
        return cell;
    }

    public static JsonObject Markdown(string? id, string source = "# Title")
    {
        var cell = new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };
        SetId(cell, id);
        return cell;
    }

    public static JsonObject Raw(string? id)
    {
        var cell = new JsonObject { ["cell_type"] = "raw", ["metadata"] = new JsonObject { ["format"] = "text/x-rst" }, ["source"] = "raw" };
        SetId(cell, id);
        return cell;
    }

    public static JsonObject Stream(string name = "stdout") => new() { ["name"] = name, ["output_type"] = "stream", ["text"] = new JsonArray("a\n", "b") };

    public static JsonObject ExecuteResult() => new()
    {
        ["data"] = new JsonObject { ["text/plain"] = new JsonArray("1"), ["application/json"] = new JsonObject { ["a"] = 1 } },
        ["execution_count"] = 1,
        ["metadata"] = new JsonObject(),
        ["output_type"] = "execute_result",
    };

    public static JsonObject DisplayData() => new()
    {
        ["data"] = new JsonObject { ["image/png"] = "iVBORw0KGgo=", ["application/vnd.custom+json"] = new JsonArray(1, 2) },
        ["metadata"] = new JsonObject { ["image/png"] = new JsonObject { ["width"] = 10 } },
        ["output_type"] = "display_data",
    };

    public static JsonObject Error() => new()
    {
        ["ename"] = "ValueError",
        ["evalue"] = "bad",
        ["output_type"] = "error",
        ["traceback"] = new JsonArray("line 1", "line 2"),
    };

    /// <summary>A 4.5 notebook with one code cell holding every output type, a markdown and a raw cell.</summary>
    public static JsonObject Full() => NewNotebook(
        5,
        Code("code-1", Stream(), ExecuteResult(), DisplayData(), Error()),
        Markdown("md-1"),
        Raw("raw-1"));

    /// <summary>A notebook of <paramref name="minor"/> with one code cell (with ids from 4.5).</summary>
    public static JsonObject Minimal(int minor) => NewNotebook(minor, Code(minor >= 5 ? "c1" : null, Stream()));

    /// <summary>The notebook with a change made to its first cell.</summary>
    public static JsonObject WithCell(JsonObject notebook, Action<JsonObject> change)
    {
        change((JsonObject)notebook["cells"]![0]!);
        return notebook;
    }

    /// <summary>A value written exactly as <paramref name="json"/> (so that <c>1.0</c> stays a float).</summary>
    public static JsonNode Json(string json) => JsonNode.Parse(json)!;

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>A 4.5 notebook whose metadata nests <paramref name="depth"/> objects, written without recursion.</summary>
    public static byte[] DeeplyNested(int depth)
    {
        var prefix = "{\"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"deep\": ";
        var builder = new StringBuilder(prefix.Length + (depth * 8) + 64);
        builder.Append(prefix);
        for (var i = 0; i < depth; i++)
        {
            builder.Append("{\"a\": ");
        }

        builder.Append('1').Append('}', depth).Append("}}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void SetId(JsonObject cell, string? id)
    {
        if (id is not null)
        {
            cell["id"] = id;
        }
    }
}
