using System.Text.Json;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Text;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// <c>complete_request</c> from Roslyn's completion service. Roslyn returns every item valid at the position and
/// leaves filtering to the editor; Jupyter clients (and jupyter_kernel_test) expect the kernel to filter by what is
/// typed, as ipykernel does, so items are kept when their filter text starts with it (ignoring case).
/// </summary>
internal static class CellCompletion
{
    private const string TypesKey = "_jupyter_types_experimental";

    public static async Task<CompleteReply> CompleteAsync(SubmissionWorkspace workspace, CompletionSession session, CompleteRequest request, CancellationToken cancellationToken)
    {
        var code = request.Code;
        var cursor = Math.Clamp(CodePointOffsets.ToUtf16(code, request.CursorPos), 0, code.Length);
        var document = await workspace.GetDocumentAsync(code, cancellationToken).ConfigureAwait(false);
        CompletionList list;
        TextSpan span;
        if (session.Find(document.Project.Id, code, cursor) is { } known)
        {
            (list, span) = known;
        }
        else
        {
            var service = CompletionService.GetService(document);
            if (service is null)
            {
                return Empty(request.CursorPos);
            }

            list = await CompletionInvoker.GetCompletionsAsync(service, document, cursor, cancellationToken).ConfigureAwait(false);
            span = list.Span;
            session.Remember(document.Project.Id, code, cursor, list);
        }

        var typed = code[span.Start..Math.Max(span.Start, cursor)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var matches = new List<(string Text, string Kind, bool ExactCase, string Sort)>();
        foreach (var item in list.ItemsList)
        {
            if (!item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || item.Tags.Contains(Microsoft.CodeAnalysis.Tags.WellKnownTags.Snippet))
            {
                continue;
            }

            var text = item.Properties.TryGetValue("InsertionText", out var insertion) && !string.IsNullOrEmpty(insertion) ? insertion : item.DisplayText;
            if (seen.Add(text))
            {
                matches.Add((text, CompletionKinds.From(item.Tags), item.FilterText.StartsWith(typed, StringComparison.Ordinal), item.SortText));
            }
        }

        // Matches in the case typed come first, then Roslyn's own order.
        matches.Sort((a, b) => a.ExactCase != b.ExactCase ? (a.ExactCase ? -1 : 1) : string.CompareOrdinal(a.Sort, b.Sort));
        var start = CodePointOffsets.ToCodePoints(code, span.Start);
        var end = CodePointOffsets.ToCodePoints(code, Math.Max(span.End, cursor));
        var types = matches.Select(m => new CompletionType { Start = start, End = end, Text = m.Text, Type = m.Kind }).ToList();
        return new CompleteReply
        {
            Matches = [.. matches.Select(m => m.Text)],
            CursorStart = start,
            CursorEnd = end,
            Metadata = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                [TypesKey] = JsonSerializer.SerializeToElement(types, EditorJsonContext.Default.ListCompletionType),
            },
        };
    }

    private static CompleteReply Empty(int cursor) => new() { CursorStart = cursor, CursorEnd = cursor };
}
