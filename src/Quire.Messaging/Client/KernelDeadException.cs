namespace Quire.Messaging.Client;

/// <summary>The kernel stopped answering heartbeats while a request was waiting for it.</summary>
public sealed class KernelDeadException : Exception
{
    public KernelDeadException()
        : base("the kernel stopped answering heartbeats")
    {
    }

    public KernelDeadException(string message)
        : base(message)
    {
    }

    public KernelDeadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
