namespace Quire.Messaging.Protocol.Content;

/// <summary>
/// Values of <see cref="Status.ExecutionState"/>, plus the two a client infers itself: <see cref="Unknown"/> before any
/// status arrives and <see cref="Dead"/> when the heartbeat stops.
/// </summary>
public static class ExecutionStates
{
    public const string Unknown = "unknown";
    public const string Starting = "starting";
    public const string Busy = "busy";
    public const string Idle = "idle";
    public const string Dead = "dead";
}
