using System.Text;

namespace Quire.Cli.Kernels.Terminal;

/// <summary>
/// A small readline on <see cref="KeyReader"/>: left/right, Home/End (Ctrl+A/E), Backspace/Delete, Ctrl+U/K, Up/Down
/// through lines and then history, Tab completion, Enter (which may continue the text on a new line), Ctrl+C to drop
/// the text, Ctrl+D to end on an empty line.
/// </summary>
internal sealed partial class LineEditor(KeyReader keys, TextWriter output, Func<int> width)
{
    private readonly LineRenderer _renderer = new(output, width);
    private readonly StringBuilder _text = new();
    private int _cursor;

    public async Task<EditResult> ReadAsync(EditRequest request, CancellationToken cancellationToken)
    {
        _text.Clear();
        _cursor = 0;
        request.History?.Reset();
        Render(request);
        while (true)
        {
            if (await keys.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } key)
            {
                _renderer.Finish(request.Prompt, request.Continuation, _text.ToString(), request.Hidden);
                return new EditResult(EditOutcome.EndOfInput, string.Empty);
            }

            if (KeyReader.IsInterrupt(key))
            {
                _renderer.Finish(request.Prompt, request.Continuation, _text + (request.Hidden ? string.Empty : "^C"), request.Hidden);
                return new EditResult(EditOutcome.Interrupted, string.Empty);
            }

            if (IsControl(key, ConsoleKey.D, '\x04') && _text.Length == 0)
            {
                _renderer.Finish(request.Prompt, request.Continuation, string.Empty, request.Hidden);
                return new EditResult(EditOutcome.EndOfInput, string.Empty);
            }

            if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            {
                var text = _text.ToString();
                var indent = request.OnEnter is null ? null : await request.OnEnter(text, cancellationToken).ConfigureAwait(false);
                if (indent is null)
                {
                    _renderer.Finish(request.Prompt, request.Continuation, text, request.Hidden);
                    return new EditResult(EditOutcome.Accepted, text);
                }

                _text.Append('\n').Append(indent);
                _cursor = _text.Length;
            }
            else if (key.Key == ConsoleKey.Tab && request.Complete is not null && !request.Hidden)
            {
                await CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Edit(key, request);
            }

            Render(request);
        }
    }

    private void Edit(ConsoleKeyInfo key, EditRequest request)
    {
        switch (key.Key)
        {
            case ConsoleKey.LeftArrow or ConsoleKey.B when key.Key == ConsoleKey.LeftArrow || IsControl(key, ConsoleKey.B, '\x02'):
                _cursor = Math.Max(0, _cursor - 1);
                return;
            case ConsoleKey.RightArrow or ConsoleKey.F when key.Key == ConsoleKey.RightArrow || IsControl(key, ConsoleKey.F, '\x06'):
                _cursor = Math.Min(_text.Length, _cursor + 1);
                return;
            case ConsoleKey.Home or ConsoleKey.A when key.Key == ConsoleKey.Home || IsControl(key, ConsoleKey.A, '\x01'):
                _cursor = LineStart(_cursor);
                return;
            case ConsoleKey.End or ConsoleKey.E when key.Key == ConsoleKey.End || IsControl(key, ConsoleKey.E, '\x05'):
                _cursor = LineEnd(_cursor);
                return;
            case ConsoleKey.Backspace:
                if (_cursor > 0)
                {
                    _text.Remove(--_cursor, 1);
                }

                return;
            case ConsoleKey.Delete or ConsoleKey.D when key.Key == ConsoleKey.Delete || IsControl(key, ConsoleKey.D, '\x04'):
                if (_cursor < _text.Length)
                {
                    _text.Remove(_cursor, 1);
                }

                return;
            case ConsoleKey.U when IsControl(key, ConsoleKey.U, '\x15'):
                var start = LineStart(_cursor);
                _text.Remove(start, _cursor - start);
                _cursor = start;
                return;
            case ConsoleKey.K when IsControl(key, ConsoleKey.K, '\x0b'):
                _text.Remove(_cursor, LineEnd(_cursor) - _cursor);
                return;
            case ConsoleKey.UpArrow:
                MoveVertically(-1, request.History);
                return;
            case ConsoleKey.DownArrow:
                MoveVertically(1, request.History);
                return;
        }

        if (key.KeyChar >= ' ' && key.KeyChar != '\x7f' && !key.Modifiers.HasFlag(ConsoleModifiers.Control))
        {
            Insert(key.KeyChar.ToString());
        }
        else if (key.KeyChar == '\x7f' && _cursor > 0)
        {
            // Some terminals send DEL for Backspace.
            _text.Remove(--_cursor, 1);
        }
    }

    // Within a multi-line text Up and Down move between its lines; from its first or last line they go through history.
    private void MoveVertically(int direction, InputHistory? history)
    {
        var start = LineStart(_cursor);
        var onEdge = direction < 0 ? start == 0 : LineEnd(_cursor) == _text.Length;
        if (onEdge)
        {
            if (history is not null && (direction < 0 ? history.Previous(_text.ToString()) : history.Next()) is { } entry)
            {
                _text.Clear().Append(entry);
                _cursor = direction < 0 ? LineEnd(0) : _text.Length;
            }

            return;
        }

        var column = _cursor - start;
        var target = direction < 0 ? LineStart(start - 1) : LineEnd(_cursor) + 1;
        _cursor = Math.Min(target + column, LineEnd(target));
    }

    private void Insert(string text)
    {
        _text.Insert(_cursor, text);
        _cursor += text.Length;
    }

    private int LineStart(int index)
    {
        while (index > 0 && _text[index - 1] != '\n')
        {
            index--;
        }

        return index;
    }

    private int LineEnd(int index)
    {
        while (index < _text.Length && _text[index] != '\n')
        {
            index++;
        }

        return index;
    }

    private void Render(EditRequest request) =>
        _renderer.Render(request.Prompt, request.Continuation, _text.ToString(), _cursor, request.Hidden);

    private static bool IsControl(ConsoleKeyInfo key, ConsoleKey letter, char control) =>
        key.KeyChar == control || (key.Key == letter && key.Modifiers.HasFlag(ConsoleModifiers.Control));
}
