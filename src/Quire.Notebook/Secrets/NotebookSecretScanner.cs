using Quire.Notebook.Format;
using Quire.Notebook.Json;

namespace Quire.Notebook.Secrets;

/// <summary>
/// Scans a notebook for secrets: cell sources, outputs (stream text, text/* and JavaScript data, JSON data value by
/// value, error name, value and traceback, output metadata), textual attachments, and notebook and cell metadata.
/// Images and other binary data are skipped: base64 is random-looking by design and would only give false alarms.
/// </summary>
public static class NotebookSecretScanner
{
    public static SecretScanResult Scan(NotebookDocument notebook, SecretScanner? scanner = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var walker = new SecretJsonWalker(scanner ?? SecretScanner.Default);
        var json = notebook.Json;
        if (json["metadata"] is { } metadata)
        {
            json = Set(json, "metadata", metadata, walker.Json(metadata, new(null, null, SecretLocation.Metadata, null), "/metadata", null));
        }

        if (json.GetArray("cells") is { } cells)
        {
            var changed = cells.Items.ToBuilder();
            for (var i = 0; i < cells.Count; i++)
            {
                if (cells[i] is JObject cell)
                {
                    changed[i] = ScanCell(walker, cell, i);
                }
            }

            json = Set(json, "cells", cells, new JArray(changed.ToImmutable()));
        }

        return new SecretScanResult(walker.Findings, walker.Findings.Count == 0 ? notebook : new NotebookDocument(json));
    }

    private static JObject ScanCell(SecretJsonWalker walker, JObject cell, int index)
    {
        var id = cell.GetString("id");
        var path = $"/cells/{index}";
        var result = cell;
        if (cell["source"] is JString source)
        {
            result = Set(result, "source", source, walker.Text(source, new(index, id, SecretLocation.Source, null), path + "/source", null));
        }

        if (cell["metadata"] is { } metadata)
        {
            result = Set(result, "metadata", metadata, walker.Json(metadata, new(index, id, SecretLocation.Metadata, null), path + "/metadata", null));
        }

        if (cell.GetObject("attachments") is { } attachments)
        {
            var context = new SecretContext(index, id, SecretLocation.Attachment, null);
            var scanned = attachments;
            foreach (var (name, bundle) in attachments)
            {
                if (bundle is JObject mimeBundle)
                {
                    scanned = Set(scanned, name, bundle, ScanBundle(walker, mimeBundle, context, $"{path}/attachments/{SecretJsonWalker.Escape(name)}"));
                }
            }

            result = Set(result, "attachments", attachments, scanned);
        }

        if (cell.GetArray("outputs") is { } outputs)
        {
            var changed = outputs.Items.ToBuilder();
            for (var n = 0; n < outputs.Count; n++)
            {
                if (outputs[n] is JObject output)
                {
                    changed[n] = ScanOutput(walker, output, new(index, id, SecretLocation.Output, n), $"{path}/outputs/{n}");
                }
            }

            result = Set(result, "outputs", outputs, new JArray(changed.ToImmutable()));
        }

        return result;
    }

    private static JObject ScanOutput(SecretJsonWalker walker, JObject output, SecretContext context, string path)
    {
        var result = output;
        foreach (var key in new[] { "text", "ename", "evalue" })
        {
            if (output[key] is JString text)
            {
                result = Set(result, key, text, walker.Text(text, context, $"{path}/{key}", null));
            }
        }

        if (output.GetArray("traceback") is { } traceback)
        {
            // Jupyter shows the traceback entries one under the other: number lines across them.
            var lines = traceback.Items.ToBuilder();
            var lineOffset = 0;
            for (var i = 0; i < traceback.Count; i++)
            {
                if (traceback[i] is JString entry)
                {
                    lines[i] = walker.Text(entry, context, $"{path}/traceback/{i}", null, lineOffset);
                    lineOffset += entry.Value.Count(c => c == '\n') + 1;
                }
            }

            result = Set(result, "traceback", traceback, new JArray(lines.ToImmutable()));
        }

        if (output.GetObject("data") is { } data)
        {
            result = Set(result, "data", data, ScanBundle(walker, data, context, path + "/data"));
        }

        if (output["metadata"] is { } metadata)
        {
            result = Set(result, "metadata", metadata, walker.Json(metadata, context, path + "/metadata", null));
        }

        return result;
    }

    private static JObject ScanBundle(SecretJsonWalker walker, JObject bundle, SecretContext context, string path)
    {
        var result = bundle;
        foreach (var (mime, value) in bundle)
        {
            var at = $"{path}/{SecretJsonWalker.Escape(mime)}";
            if (NbformatTransforms.IsJsonMime(mime))
            {
                result = Set(result, mime, value, walker.Json(value, context, at, null));
            }
            else if (IsText(mime) && value is JString text)
            {
                result = Set(result, mime, value, walker.Text(text, context, at, null));
            }
        }

        return result;
    }

    private static bool IsText(string mime) =>
        !mime.StartsWith("image/", StringComparison.Ordinal)
        && (mime.StartsWith("text/", StringComparison.Ordinal) || mime is "application/javascript" or "application/x-sh" or "application/x-yaml");

    private static JObject Set(JObject target, string key, JValue before, JValue after) =>
        ReferenceEquals(before, after) || (after is JArray a && before is JArray b && SameItems(a, b)) ? target : target.With(key, after);

    private static bool SameItems(JArray a, JArray b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
