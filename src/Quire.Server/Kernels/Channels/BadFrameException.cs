namespace Quire.Server.Kernels.Channels;

/// <summary>A client sent a frame that is not a kernel message of the negotiated protocol; the message says why.</summary>
internal sealed class BadFrameException : Exception
{
    public BadFrameException()
    {
    }

    public BadFrameException(string message)
        : base(message)
    {
    }

    public BadFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
