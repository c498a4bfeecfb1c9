using System.Text;

namespace Quire.Cli.Kernels.Terminal;

/// <summary>
/// Draws a prompt and a (possibly multi-line, possibly wrapped) buffer with ANSI sequences, and puts the cursor where
/// the editor's is. Every redraw starts from the prompt's first row, which it finds by remembering the cursor's row.
/// Characters are taken to be one column wide.
/// </summary>
internal sealed class LineRenderer(TextWriter output, Func<int> width)
{
    private int _cursorRow;

    public void Render(string prompt, string continuation, string text, int cursor, bool hidden)
    {
        var columns = Math.Max(width(), 10);
        var lines = (hidden ? string.Empty : text).Split('\n');
        var sb = new StringBuilder();
        MoveToTop(sb);
        sb.Append("\e[J");

        int row = 0, cursorRow = 0, cursorColumn = 0;
        var (cursorLine, cursorInLine) = hidden ? (0, 0) : LineAndColumn(text, cursor);
        for (var i = 0; i < lines.Length; i++)
        {
            var promptText = i == 0 ? prompt : continuation;
            var promptWidth = Ansi.Strip(promptText).Length;
            if (i > 0)
            {
                sb.Append("\r\n");
                row++;
            }

            sb.Append(promptText).Append(lines[i]);
            if (i == cursorLine)
            {
                var position = promptWidth + cursorInLine;
                (cursorRow, cursorColumn) = (row + (position / columns), position % columns);
            }

            var length = promptWidth + lines[i].Length;
            var endColumn = length % columns;
            row += length / columns;
            if (endColumn == 0 && length > 0)
            {
                // The text filled the last column: the terminal waits to wrap until the next character. Make it wrap now
                // so that the row count above holds.
                sb.Append(" \r");
            }
        }

        if (row > cursorRow)
        {
            sb.Append("\e[").Append(row - cursorRow).Append('A');
        }

        sb.Append('\r');
        if (cursorColumn > 0)
        {
            sb.Append("\e[").Append(cursorColumn).Append('C');
        }

        _cursorRow = cursorRow;
        output.Write(sb.ToString());
        output.Flush();
    }

    /// <summary>Leaves the drawing: the cursor goes below its last row, and the next render starts a new prompt there.</summary>
    public void Finish(string prompt, string continuation, string text, bool hidden)
    {
        Render(prompt, continuation, text, text.Length, hidden);
        output.Write("\r\n");
        output.Flush();
        _cursorRow = 0;
    }

    private void MoveToTop(StringBuilder sb)
    {
        if (_cursorRow > 0)
        {
            sb.Append("\e[").Append(_cursorRow).Append('A');
        }

        sb.Append('\r');
    }

    private static (int Line, int Column) LineAndColumn(string text, int cursor)
    {
        var line = 0;
        var start = 0;
        for (var i = 0; i < cursor; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, cursor - start);
    }
}
