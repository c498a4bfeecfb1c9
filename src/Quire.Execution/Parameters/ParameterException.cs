namespace Quire.Execution.Parameters;

/// <summary>A parameter that cannot be used: a bad name, an unreadable or malformed parameters file.</summary>
public sealed class ParameterException : Exception
{
    public ParameterException()
    {
    }

    public ParameterException(string message)
        : base(message)
    {
    }

    public ParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
