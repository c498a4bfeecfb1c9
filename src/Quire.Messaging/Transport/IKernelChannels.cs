namespace Quire.Messaging.Transport;

/// <summary>
/// A kernel's side of a connection: shell, control and stdin routers, an iopub publisher, and a heartbeat that echoes
/// on its own. Replies go back through the request's routing identities (see <see cref="Protocol.JupyterMessage.WithIdentities"/>).
/// </summary>
public interface IKernelChannels : IMessageChannels
{
}
