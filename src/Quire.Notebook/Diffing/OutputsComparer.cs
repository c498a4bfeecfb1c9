using System.Collections.Immutable;
using Quire.Notebook.Json;

namespace Quire.Notebook.Diffing;

/// <summary>
/// Summarises how outputs changed, position by position: outputs are large and mostly machine-made, so a reader wants
/// to know what kind of output changed rather than a diff of base64.
/// </summary>
internal static class OutputsComparer
{
    public static OutputsChange? Compare(NotebookCell? oldCell, NotebookCell? newCell)
    {
        var oldOutputs = Outputs(oldCell);
        var newOutputs = Outputs(newCell);
        if (oldOutputs.Length == newOutputs.Length && oldOutputs.Zip(newOutputs).All(p => JValue.DeepEquals(p.First.Json, p.Second.Json)))
        {
            return null;
        }

        var details = new List<string>();
        for (var i = 0; i < Math.Max(oldOutputs.Length, newOutputs.Length); i++)
        {
            var oldOutput = i < oldOutputs.Length ? oldOutputs[i] : null;
            var newOutput = i < newOutputs.Length ? newOutputs[i] : null;
            if (oldOutput is not null && newOutput is not null && oldOutput.OutputType == newOutput.OutputType)
            {
                if (!JValue.DeepEquals(oldOutput.Json, newOutput.Json))
                {
                    details.AddRange(SameType(oldOutput, newOutput));
                }

                continue;
            }

            if (oldOutput is not null)
            {
                details.Add($"{Describe(oldOutput)} removed");
            }

            if (newOutput is not null)
            {
                details.Add($"{Describe(newOutput)} added");
            }
        }

        return new OutputsChange(oldOutputs.Length, newOutputs.Length, [.. details.Distinct(StringComparer.Ordinal)]);
    }

    private static ImmutableArray<NotebookOutput> Outputs(NotebookCell? cell) => cell is CodeCell code ? code.Outputs : [];

    private static string[] SameType(NotebookOutput oldOutput, NotebookOutput newOutput)
    {
        if (oldOutput is RichOutput oldRich && newOutput is RichOutput newRich)
        {
            // Mime types are compared as whole keys: many contain dots (application/vnd.jupyter.widget-view+json).
            var mimes = oldRich.Data.Keys.Where(k => !newRich.Data.ContainsKey(k)).Select(k => $"{k} removed")
                .Concat(newRich.Data.Where(p => !oldRich.Data.ContainsKey(p.Key)).Select(p => $"{p.Key} added"))
                .Concat(newRich.Data
                    .Where(p => oldRich.Data[p.Key] is { } o && !JValue.DeepEquals(o, p.Value))
                    .Select(p => $"{p.Key} changed"))
                .ToArray();
            return mimes.Length > 0 ? mimes : [$"{oldOutput.OutputType} changed"];
        }

        return oldOutput is StreamOutput { Name: var oldName } && newOutput is StreamOutput { Name: var newName } && oldName != newName
            ? [$"{Describe(oldOutput)} removed", $"{Describe(newOutput)} added"]
            : [$"{Describe(oldOutput)} changed"];
    }

    /// <summary>An output in a few words: its richest mime type, its stream, or its exception name.</summary>
    private static string Describe(NotebookOutput output) => output switch
    {
        StreamOutput stream => stream.Name is "stdout" or "" ? "stream" : $"stream {stream.Name}",
        ErrorOutput error => error.EName.Length > 0 ? $"error {error.EName}" : "error",
        RichOutput rich => rich.Data.Keys.FirstOrDefault(k => k != "text/plain") ?? rich.Data.Keys.FirstOrDefault() ?? rich.OutputType,
        _ => output.OutputType.Length > 0 ? output.OutputType : "output",
    };
}
