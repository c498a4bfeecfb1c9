using System.Text;
using System.Text.Json;
using Quire.Notebook.Secrets;

namespace Quire.Cli.Notebooks.Scan;

/// <summary>Writes scan results as lines for people or as JSON for tools. Neither ever contains a whole secret.</summary>
internal static class ScanReport
{
    public static string Line(string file, SecretFinding finding)
    {
        var cell = finding.CellIndex is { } index ? $"cell {index}{(finding.CellId is { } id ? $" [{id}]" : "")} " : "";
        return $"{file}: {cell}{finding.Where} {finding.Line}:{finding.Column}: {finding.RuleId}: {finding.Preview}";
    }

    public static string Summary(IReadOnlyList<ScanFileResult> results)
    {
        var total = results.Sum(r => r.Findings.Count);
        var files = results.Count(r => r.Findings.Count > 0);
        if (total == 0)
        {
            return "no secrets found";
        }

        var fixedNote = results.Any(r => r.Redacted) ? ", redacted" : "";
        return $"{total} secret{(total == 1 ? "" : "s")} found in {files} notebook{(files == 1 ? "" : "s")}{fixedNote}";
    }

    public static byte[] Json(IReadOnlyList<ScanFileResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("total", results.Sum(r => r.Findings.Count));
            json.WriteStartArray("files");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("path", result.Name);
                if (result.Error is not null)
                {
                    json.WriteString("error", result.Error);
                }

                json.WriteBoolean("redacted", result.Redacted);
                json.WriteStartArray("findings");
                foreach (var finding in result.Findings)
                {
                    WriteFinding(json, finding);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    private static void WriteFinding(Utf8JsonWriter json, SecretFinding finding)
    {
        json.WriteStartObject();
        WriteNullable(json, "cell", finding.CellIndex);
        json.WriteString("cell_id", finding.CellId);
        json.WriteString("where", finding.Location.ToString().ToLowerInvariant());
        WriteNullable(json, "output", finding.OutputIndex);
        json.WriteNumber("line", finding.Line);
        json.WriteNumber("column", finding.Column);
        json.WriteString("rule", finding.RuleId);
        json.WriteString("preview", finding.Preview);
        json.WriteString("path", finding.JsonPath);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
