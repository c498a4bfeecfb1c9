namespace Quire.Messaging.Wire;

/// <summary>A received message that was refused: never executed or delivered, only logged.</summary>
public sealed class MessageRejectedException : Exception
{
    public MessageRejectedException(RejectionReason reason, string message)
        : base(message) => Reason = reason;

    public MessageRejectedException()
        : this(RejectionReason.Malformed, "malformed message")
    {
    }

    public MessageRejectedException(string message)
        : this(RejectionReason.Malformed, message)
    {
    }

    public MessageRejectedException(string message, Exception innerException)
        : base(message, innerException) => Reason = RejectionReason.Malformed;

    public RejectionReason Reason { get; }
}
