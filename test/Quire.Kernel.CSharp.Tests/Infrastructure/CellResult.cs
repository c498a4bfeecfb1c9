using System.Text;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests.Infrastructure;

/// <summary>What one executed cell produced: its <c>execute_reply</c> and every iopub message it parented, in order.</summary>
public sealed class CellResult(JupyterMessage request, JupyterMessage replyMessage, IReadOnlyList<JupyterMessage> outputs, IReadOnlyList<InputRequest> inputRequests)
{
    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    public JupyterMessage Request { get; } = request;

    public JupyterMessage ReplyMessage { get; } = replyMessage;

    public ExecuteReply Reply => ReplyMessage.GetContent(Json.ExecuteReply);

    public bool IsOk => Reply.Status == ReplyStatus.Ok;

    /// <summary>Every iopub message whose parent is the request (status, execute_input, outputs), in arrival order.</summary>
    public IReadOnlyList<JupyterMessage> Outputs { get; } = outputs;

    /// <summary>The <c>input_request</c>s the cell sent (prompt, password), in order.</summary>
    public IReadOnlyList<InputRequest> InputRequests { get; } = inputRequests;

    /// <summary>The text of a <c>stream</c> (<c>stdout</c> or <c>stderr</c>), all its messages joined.</summary>
    public string Streams(string name)
    {
        var text = new StringBuilder();
        foreach (var message in OfType(MessageTypes.Stream))
        {
            var stream = message.GetContent(Json.StreamOutput);
            if (stream.Name == name)
            {
                text.Append(stream.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>The <c>text/plain</c> of each <c>execute_result</c>.</summary>
    public IReadOnlyList<string> Results =>
        [.. OfType(MessageTypes.ExecuteResult).Select(m => m.GetContent(Json.ExecuteResult).Data.TryGetValue("text/plain", out var text) ? text.GetString() ?? string.Empty : string.Empty)];

    /// <summary>The <c>error</c> messages published on iopub.</summary>
    public IReadOnlyList<ErrorOutput> Errors => [.. OfType(MessageTypes.Error).Select(m => m.GetContent(Json.ErrorOutput))];

    public IReadOnlyList<JupyterMessage> OfType(string msgType) => [.. Outputs.Where(m => m.MsgType == msgType)];
}
