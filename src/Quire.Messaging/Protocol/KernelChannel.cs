namespace Quire.Messaging.Protocol;

/// <summary>The five Jupyter channels (sockets) between a client and a kernel.</summary>
public enum KernelChannel
{
    Shell,
    IOPub,
    Stdin,
    Control,
    Heartbeat,
}
