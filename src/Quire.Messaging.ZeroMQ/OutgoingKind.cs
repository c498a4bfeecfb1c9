namespace Quire.Messaging.ZeroMQ;

/// <summary>What an <see cref="Outgoing"/> asks of the connection's thread.</summary>
internal enum OutgoingKind
{
    Message,
    Stop,
    ResetHeartbeat,
}
