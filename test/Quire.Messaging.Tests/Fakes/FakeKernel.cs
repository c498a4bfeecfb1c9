using System.Text.Json.Serialization.Metadata;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Tests.Fakes;

/// <summary>
/// The kernel side of <see cref="InMemoryClientChannels"/>, driven step by step by a test: it reads what the client
/// sent and answers with replies and iopub messages parented on the request, as a real kernel does.
/// </summary>
internal sealed class FakeKernel(InMemoryClientChannels channels)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public MessageSession Session { get; } = new(username: "kernel");

    public static MessagingJsonContext Json => MessagingJsonContext.Default;

    /// <summary>The next message the client sent on <paramref name="channel"/>.</summary>
    public async Task<JupyterMessage> ReceiveAsync(KernelChannel channel)
    {
        try
        {
            return await channels.Sent(channel).ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the client sent nothing on {channel} within {Wait.TotalSeconds} s");
        }
    }

    public JupyterMessage Reply<T>(KernelChannel channel, JupyterMessage request, string msgType, T content, JsonTypeInfo<T> type)
    {
        var reply = Session.Create(msgType, content, type, request);
        channels.Deliver(channel, reply);
        return reply;
    }

    public JupyterMessage Publish<T>(JupyterMessage? parent, string msgType, T content, JsonTypeInfo<T> type)
    {
        var message = Session.Create(msgType, content, type, parent);
        channels.Deliver(KernelChannel.IOPub, message);
        return message;
    }

    public JupyterMessage Status(JupyterMessage? parent, string state) =>
        Publish(parent, MessageTypes.Status, new Status { ExecutionState = state }, Json.Status);

    public JupyterMessage Stream(JupyterMessage parent, string text, string name = "stdout") =>
        Publish(parent, MessageTypes.Stream, new StreamOutput { Name = name, Text = text }, Json.StreamOutput);

    public JupyterMessage ExecuteReply(JupyterMessage request, long count, string status = ReplyStatus.Ok) =>
        Reply(KernelChannel.Shell, request, MessageTypes.ExecuteReply, new ExecuteReply { Status = status, ExecutionCount = count }, Json.ExecuteReply);

    /// <summary>Sends an input_request on stdin parented on <paramref name="parent"/>.</summary>
    public JupyterMessage RequestInput(JupyterMessage parent, string prompt, bool password = false) =>
        Reply(KernelChannel.Stdin, parent, MessageTypes.InputRequest, new InputRequest { Prompt = prompt, Password = password }, Json.InputRequest);
}
