using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Quire.Kernel.CSharp.EditorServices;

/// <summary>
/// The last completion list Roslyn computed, kept as an editor keeps its completion session: a request that differs
/// from it only by more of the word being typed (<c>text.S</c>, then <c>text.St</c>), or that repeats it, filters
/// that list instead of computing it again. Roslyn's list holds every item valid at the word's position whatever
/// the word so far, so this gives the same answer; a new cell (the editor project changes) or any other edit starts
/// a new session.
/// </summary>
internal sealed class CompletionSession
{
    private readonly Lock _lock = new();
    private Entry? _last;

    /// <summary>The list for <paramref name="code"/> at <paramref name="cursor"/> and the span of the word there, if this session has it.</summary>
    public (CompletionList List, TextSpan Span)? Find(ProjectId editor, string code, int cursor)
    {
        Entry? last;
        lock (_lock)
        {
            last = _last;
        }

        if (last is null || last.Editor != editor || cursor < last.Cursor || code.Length - cursor != last.Code.Length - last.Cursor)
        {
            return null;
        }

        var start = last.List.Span.Start;
        var typed = code.AsSpan(start, cursor - start);
        var sameAround = code.AsSpan(0, last.Cursor).SequenceEqual(last.Code.AsSpan(0, last.Cursor))
            && code.AsSpan(cursor).SequenceEqual(last.Code.AsSpan(last.Cursor));
        return sameAround && IsPlainWord(typed) ? (last.List, TextSpan.FromBounds(start, cursor)) : null;
    }

    /// <summary>Keeps <paramref name="list"/> when later keystrokes can reuse it: the word it completes ends at the cursor.</summary>
    public void Remember(ProjectId editor, string code, int cursor, CompletionList list)
    {
        var usable = list.Span.End == cursor && IsPlainWord(code.AsSpan(list.Span.Start, list.Span.Length));
        lock (_lock)
        {
            _last = usable ? new Entry(editor, code, cursor, list) : null;
        }
    }

    /// <summary>
    /// Letters, digits and underscores, and no reserved keyword: typing more of such a word never changes how the
    /// code around it parses (a keyword could: <c>x.i</c> and <c>x.in</c> do not parse alike).
    /// </summary>
    private static bool IsPlainWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return word.IsEmpty || SyntaxFacts.GetKeywordKind(word.ToString()) == SyntaxKind.None;
    }

    private sealed record Entry(ProjectId Editor, string Code, int Cursor, CompletionList List);
}
