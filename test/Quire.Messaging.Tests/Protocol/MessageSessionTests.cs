using System.Text;
using Microsoft.Extensions.Time.Testing;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Messaging.Tests.Protocol;

public sealed class MessageSessionTests
{
    [Fact]
    public void Create_StampsHeaderFromSessionAndClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero));
        var session = new MessageSession("sess", "ada", time);

        var message = session.Create(MessageTypes.InputReply, new InputReply { Value = "x" }, MessagingJsonContext.Default.InputReply);

        Assert.Equal(("sess", "ada", "input_reply", "5.4"), (message.Header.Session, message.Header.Username, message.MsgType, message.Header.Version));
        Assert.Equal("2024-05-06T07:08:09.123000Z", message.Header.Date);
        Assert.Equal("""{"value":"x"}""", Encoding.UTF8.GetString(message.ContentJson.Span));
        Assert.Null(message.ParentHeader);
    }

    [Fact]
    public void Create_WithParent_CarriesTheParentHeader_AndFreshIds()
    {
        var session = new MessageSession();
        var request = session.CreateRaw(MessageTypes.KernelInfoRequest, default);

        var reply = session.CreateRaw(MessageTypes.KernelInfoReply, default, request);

        Assert.Equal(request.MsgId, reply.ParentMsgId);
        Assert.NotEqual(request.MsgId, reply.MsgId);
        Assert.Equal("{}", Encoding.UTF8.GetString(reply.ContentJson.Span));
    }

    [Fact]
    public void JupyterMessage_ParsesContentOnRead_AndTypedContentKeepsUnknowns()
    {
        var message = new MessageSession().CreateRaw(MessageTypes.Stream, """{"name":"stdout","text":"hi","future":1}"""u8.ToArray());

        var stream = message.GetContent(MessagingJsonContext.Default.StreamOutput);

        Assert.Equal("hi", message.Content.GetProperty("text").GetString());
        Assert.Equal(("stdout", "hi", 1), (stream.Name, stream.Text, stream.Extra!["future"].GetInt32()));
    }
}
