namespace Quire.Messaging.Wire;

/// <summary>Why a received message was refused.</summary>
public enum RejectionReason
{
    /// <summary>Frames missing, no delimiter, or header JSON that is not a header.</summary>
    Malformed,

    /// <summary>A key is set but the message carries no signature.</summary>
    MissingSignature,

    /// <summary>The signature does not match.</summary>
    BadSignature,

    /// <summary>The same signature was seen before.</summary>
    Replayed,
}
