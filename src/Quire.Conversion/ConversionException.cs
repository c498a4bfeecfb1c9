namespace Quire.Conversion;

/// <summary>A conversion that cannot be done as asked (an unsafe resource name, an output path that is not a file).</summary>
public sealed class ConversionException : Exception
{
    public ConversionException()
    {
    }

    public ConversionException(string message)
        : base(message)
    {
    }

    public ConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
