namespace Quire.Notebook;

/// <summary>
/// A file that cannot be read as a notebook at all: not JSON, not UTF-8, an unsupported nbformat version. Schema
/// problems are not exceptions; they are reported by <see cref="Validation.NotebookValidator"/>.
/// </summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException(string reason, string? file = null, long? line = null, long? column = null, Exception? inner = null)
        : base(Compose(reason, file, line, column), inner)
    {
        Reason = reason;
        File = file;
        Line = line;
        Column = column;
    }

    public NotebookFormatException()
        : this("not a notebook")
    {
    }

    public NotebookFormatException(string message)
        : this(message, file: null)
    {
    }

    public NotebookFormatException(string message, Exception innerException)
        : this(message, null, null, null, innerException)
    {
    }

    public string Reason { get; }

    public string? File { get; }

    public long? Line { get; }

    public long? Column { get; }

    /// <summary>The same error, naming the file it came from.</summary>
    public NotebookFormatException InFile(string file) => new(Reason, file, Line, Column, InnerException);

    private static string Compose(string reason, string? file, long? line, long? column)
    {
        var where = file ?? "<input>";
        if (line is not null)
        {
            where += $":{line}:{column ?? 1}";
        }

        return $"{where}: {reason}";
    }
}
