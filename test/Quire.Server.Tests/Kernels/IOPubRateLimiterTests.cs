using System.Text;
using Microsoft.Extensions.Time.Testing;
using Quire.Messaging.Protocol;
using Quire.Server.Kernels;
using Quire.Server.Kernels.Channels;

namespace Quire.Server.Tests.Kernels;

public sealed class IOPubRateLimiterTests
{
    private static readonly MessageSession Kernel = new("kernel");

    [Fact]
    public void PastTheMessageRate_MessagesAreWithheld_WithOneNotice_UntilTheWindowPasses()
    {
        var time = new FakeTimeProvider();
        var limiter = new IOPubRateLimiter(new KernelsOptions { IOPubMsgRateLimit = 2, IOPubDataRateLimit = 0, RateLimitWindow = TimeSpan.FromSeconds(1) }, time);

        Assert.True(limiter.Admit(Message("display_data"), out _));
        Assert.True(limiter.Admit(Message("display_data"), out _));
        Assert.False(limiter.Admit(Message("display_data"), out var notice));
        Assert.StartsWith("IOPub message rate exceeded.", notice, StringComparison.Ordinal);
        Assert.Contains("ServerApp.iopub_msg_rate_limit=2.0 (msgs/sec)", notice, StringComparison.Ordinal);
        Assert.False(limiter.Admit(Message("display_data"), out var second));
        Assert.Null(second);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.Admit(Message("display_data"), out _));
    }

    [Fact]
    public void StatusCommOpenAndExecuteInput_AreExempt_AndIdleResets()
    {
        var time = new FakeTimeProvider();
        var limiter = new IOPubRateLimiter(new KernelsOptions { IOPubMsgRateLimit = 1, IOPubDataRateLimit = 0, RateLimitWindow = TimeSpan.FromSeconds(1) }, time);

        Assert.True(limiter.Admit(Message("stream"), out _));
        Assert.False(limiter.Admit(Message("stream"), out _));
        Assert.True(limiter.Admit(Message("comm_open"), out _));
        Assert.True(limiter.Admit(Message("execute_input"), out _));
        Assert.True(limiter.Admit(Message("status", "busy"), out _));
        Assert.False(limiter.Admit(Message("stream"), out _));
        Assert.True(limiter.Admit(Message("status", "idle"), out _));
        Assert.True(limiter.Admit(Message("stream"), out _));
    }

    [Fact]
    public void PastTheDataRate_StreamsAreWithheld_WithTheDataNotice()
    {
        var time = new FakeTimeProvider();
        var limiter = new IOPubRateLimiter(new KernelsOptions { IOPubMsgRateLimit = 0, IOPubDataRateLimit = 100, RateLimitWindow = TimeSpan.FromSeconds(1) }, time);

        Assert.False(limiter.Admit(Message("stream", text: new string('x', 500)), out var notice));

        Assert.StartsWith("IOPub data rate exceeded.", notice, StringComparison.Ordinal);
        Assert.True(limiter.Admit(Message("display_data"), out _));
    }

    private static OutboundMessage Message(string msgType, string? state = null, string text = "")
    {
        var content = state is null ? $$"""{"name": "stdout", "text": "{{text}}"}""" : $$"""{"execution_state": "{{state}}"}""";
        return new OutboundMessage("iopub", Kernel.CreateRaw(msgType, Encoding.UTF8.GetBytes(content)), state);
    }
}
