using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Conformance.Kernels;

/// <summary>
/// Quire's client drives Debian's ipykernel through its kernelspec: execution and its outputs, errors, stdin and
/// introspection. The lifecycle (interrupt, restart, shutdown, death) is in <see cref="IPyKernelLifecycleTests"/>.
/// </summary>
public sealed class IPyKernelTests
{
    private static MessagingJsonContext Json => MessagingJsonContext.Default;

    [Fact]
    public async Task Execute_StdoutAndStderr_ArriveAsNamedStreams()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);

        var result = await kernel.ExecuteAsync("import sys\nprint('to out')\nprint('to err', file=sys.stderr)", ct);

        Assert.True(result.Succeeded, IPyKernel.Describe(result));
        Assert.Equal("to out\n", IPyKernel.StreamText(result, "stdout"));
        Assert.Equal("to err\n", IPyKernel.StreamText(result, "stderr"));
    }

    [Fact]
    public async Task Execute_Expression_GivesExecuteResultWithTheReplysCount()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);

        var result = await kernel.ExecuteAsync("6*7", ct);

        Assert.True(result.Succeeded, IPyKernel.Describe(result));
        var value = Assert.Single(IPyKernel.Outputs(result, MessageTypes.ExecuteResult, Json.ExecuteResult));
        Assert.Equal("42", IPyKernel.Text(value.Data, "text/plain"));
        Assert.Equal(1, result.ExecutionCount);
        Assert.Equal(result.ExecutionCount, value.ExecutionCount);
    }

    [Fact]
    public async Task Execute_Display_GivesDisplayDataWithHtml()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);

        var result = await kernel.ExecuteAsync("from IPython.display import HTML, display; display(HTML('<b>x</b>'))", ct);

        Assert.True(result.Succeeded, IPyKernel.Describe(result));
        var display = Assert.Single(IPyKernel.Outputs(result, MessageTypes.DisplayData, Json.DisplayData));
        Assert.Equal("<b>x</b>", IPyKernel.Text(display.Data, "text/html"));
    }

    [Fact]
    public async Task Execute_RaisingCode_GivesErrorReplyAndErrorOutputWithTraceback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);

        var result = await kernel.ExecuteAsync("1/0", ct);

        Assert.Equal(ReplyStatus.Error, result.Reply.Status);
        Assert.Equal("ZeroDivisionError", result.Reply.Ename);
        var error = Assert.Single(IPyKernel.Outputs(result, MessageTypes.Error, Json.ErrorOutput));
        Assert.Equal("ZeroDivisionError", error.Ename);
        Assert.Contains(error.Traceback, line => line.Contains("ZeroDivisionError", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Input_IsAnsweredByTheInputHandler()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);
        var requests = new List<InputRequest>();
        kernel.Client.InputHandler = (request, _) =>
        {
            requests.Add(request);
            return ValueTask.FromResult("alice");
        };

        var result = await kernel.ExecuteAsync("name = input('name? ')\nprint('got', name)", ct);

        Assert.True(result.Succeeded, IPyKernel.Describe(result));
        var request = Assert.Single(requests);
        Assert.Equal("name? ", request.Prompt);
        Assert.False(request.Password);
        Assert.Equal("got alice\n", IPyKernel.StreamText(result, "stdout"));
    }

    [Fact]
    public async Task Input_WithoutHandler_FailsAtOnceWithStdinNotImplementedError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);
        Assert.Null(kernel.Client.InputHandler);

        var result = await kernel.ExecuteAsync("input('name? ')", ct);

        Assert.Equal(ReplyStatus.Error, result.Reply.Status);
        Assert.Equal("StdinNotImplementedError", result.Reply.Ename);
    }

    [Fact]
    public async Task Complete_Inspect_IsComplete_AnswerAsIPythonDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);

        var complete = await kernel.Client.CompleteAsync("import o", "import o".Length, ct);
        var inspect = await kernel.Client.InspectAsync("print", "print".Length, cancellationToken: ct);
        var incomplete = await kernel.Client.IsCompleteAsync("for i in range(3):", ct);
        var whole = await kernel.Client.IsCompleteAsync("x = 1", ct);

        Assert.True(complete.IsOk, $"complete_reply status {complete.Status}");
        Assert.Contains("os", complete.Matches);
        Assert.Equal(7, complete.CursorStart);
        Assert.Equal(8, complete.CursorEnd);
        Assert.True(inspect.Found, "inspect_reply for print: found was false");
        Assert.False(string.IsNullOrEmpty(IPyKernel.Text(inspect.Data, "text/plain")), "inspect_reply for print has no text/plain");
        Assert.Equal("incomplete", incomplete.Status);
        Assert.Equal("    ", incomplete.Indent);
        Assert.Equal("complete", whole.Status);
    }

    [Fact]
    public async Task KernelInfo_IsIPythons()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kernel = await IPyKernel.StartAsync(ct);

        var info = kernel.Manager.KernelInfo;

        Assert.NotNull(info);
        Assert.Equal("ipython", info.Implementation);
        Assert.Equal("python", info.LanguageInfo.Name);
        Assert.StartsWith("5.", info.ProtocolVersion, StringComparison.Ordinal);
    }
}
