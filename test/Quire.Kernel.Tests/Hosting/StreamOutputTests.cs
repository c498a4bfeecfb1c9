using Quire.Kernel.Hosting;
using Quire.Kernel.Tests.Fakes;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Tests.Hosting;

public sealed class StreamOutputTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeKernelChannels _channels = new();
    private readonly ScriptedEngine _engine = new();
    private readonly MessageSession _client = new(username: "test");
    private readonly CancellationTokenSource _stop = new();
    private Task<bool> _run = null!;

    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _run = new KernelHost(_channels, _engine).RunAsync(_stop.Token);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Wait, Token);
        _stop.Dispose();
    }

    [Fact]
    public async Task Pieces_GoOutAsOneStreamMessage_OfTheCell()
    {
        var buffer = "reused buffer".ToCharArray();
        _engine.Execute = async (execution, ct) =>
        {
            await execution.WriteStreamAsync("stderr", ["first, ".AsMemory(), buffer.AsMemory(0, 6), "\n".AsMemory()], ct);

            // The pieces were encoded when the call returned: changing the buffer now changes nothing sent.
            Array.Fill(buffer, '!');
            return ExecutionOutcome.Ok;
        };

        var request = _client.Create(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "x" }, Json.ExecuteRequest);
        _channels.Deliver(KernelChannel.Shell, request);
        var stream = await NextAsync(KernelChannel.IOPub, MessageTypes.Stream);

        Assert.Equal(request.MsgId, stream.ParentMsgId);
        var content = stream.GetContent(Json.StreamOutput);
        Assert.Equal("stderr", content.Name);
        Assert.Equal("first, reused\n", content.Text);
    }

    private async Task<JupyterMessage> NextAsync(KernelChannel channel, string msgType)
    {
        var reader = _channels.Sent(channel);
        while (true)
        {
            var message = await reader.ReadAsync(Token).AsTask().WaitAsync(Wait, Token);
            if (message.MsgType == msgType)
            {
                return message;
            }
        }
    }
}
