namespace Quire.Server.Sessions;

/// <summary>
/// A session's kernel could not be had; jupyter_server answers 501 with <c>{message, short_message}</c> for this
/// rather than its usual error body.
/// </summary>
internal sealed class SessionKernelUnavailableException : Exception
{
    public SessionKernelUnavailableException()
    {
    }

    public SessionKernelUnavailableException(string message)
        : base(message)
    {
    }

    public SessionKernelUnavailableException(string message, string shortMessage)
        : base(message)
    {
        ShortMessage = shortMessage;
    }

    public SessionKernelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string ShortMessage { get; } = string.Empty;
}
