using System.Text;

namespace Quire.Cli.Kernels.Terminal;

/// <summary>Tab: indent at the start of a line, else ask for completions and insert or list them.</summary>
internal sealed partial class LineEditor
{
    private const string Indent = "    ";
    private const int MaxListed = 200;

    private async Task CompleteAsync(EditRequest request, CancellationToken cancellationToken)
    {
        var start = LineStart(_cursor);
        if (string.IsNullOrWhiteSpace(_text.ToString(start, _cursor - start)))
        {
            // As in IPython: Tab before any code on a line indents it.
            Insert(Indent);
            return;
        }

        var text = _text.ToString();
        if (await request.Complete!(text, _cursor, cancellationToken).ConfigureAwait(false) is not { Matches.Count: > 0 } completion
            || completion.Start < 0 || completion.End > text.Length || completion.Start > completion.End)
        {
            return;
        }

        var typed = text[completion.Start..completion.End];
        var matches = completion.Matches.Distinct(StringComparer.Ordinal).ToList();
        var replacement = matches.Count == 1 ? matches[0] : CommonPrefix(matches);
        if (replacement.Length > typed.Length || (matches.Count == 1 && replacement != typed))
        {
            _text.Remove(completion.Start, completion.End - completion.Start).Insert(completion.Start, replacement);
            _cursor = completion.Start + replacement.Length;
            return;
        }

        if (matches.Count > 1)
        {
            // Listed below the text, which is then drawn again under the list.
            _renderer.Finish(request.Prompt, request.Continuation, text, request.Hidden);
            output.Write(Columns(matches, Math.Max(width(), 10)));
            output.Flush();
        }
    }

    private static string CommonPrefix(List<string> matches)
    {
        var prefix = matches[0];
        foreach (var match in matches.Skip(1))
        {
            var length = 0;
            while (length < prefix.Length && length < match.Length && prefix[length] == match[length])
            {
                length++;
            }

            prefix = prefix[..length];
        }

        return prefix;
    }

    private static string Columns(List<string> matches, int width)
    {
        var shown = matches.Take(MaxListed).ToList();
        var cell = shown.Max(m => m.Length) + 2;
        var perRow = Math.Max(1, width / cell);
        var sb = new StringBuilder();
        for (var i = 0; i < shown.Count; i++)
        {
            var last = i % perRow == perRow - 1 || i == shown.Count - 1;
            sb.Append(last ? shown[i] : shown[i].PadRight(cell));
            if (last)
            {
                sb.Append("\r\n");
            }
        }

        if (matches.Count > shown.Count)
        {
            sb.Append("… and ").Append(matches.Count - shown.Count).Append(" more\r\n");
        }

        return sb.ToString();
    }
}
