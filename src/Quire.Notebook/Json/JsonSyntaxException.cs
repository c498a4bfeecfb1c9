namespace Quire.Notebook.Json;

/// <summary>The text is not JSON. Line and column are 1-based; the column counts bytes, as editors count ASCII.</summary>
public sealed class JsonSyntaxException : FormatException
{
    public JsonSyntaxException(string reason, long line, long column)
        : base($"line {line}, column {column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    public JsonSyntaxException()
        : this("invalid JSON", 1, 1)
    {
    }

    public JsonSyntaxException(string message)
        : this(message, 1, 1)
    {
    }

    public JsonSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
        Line = 1;
        Column = 1;
    }

    public string Reason { get; }

    public long Line { get; }

    public long Column { get; }
}
