using System.Text.Json;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.Hosting;

/// <summary>
/// One running cell, as an engine sees it: the code and the request's options, and the ways to publish outputs and
/// ask for input while it runs. Every message it sends has the <c>execute_request</c> as parent, so frontends route
/// the outputs to the right cell.
/// </summary>
public sealed class KernelExecution
{
    private readonly KernelHost _host;

    internal KernelExecution(KernelHost host, JupyterMessage request, ExecuteRequest content, long executionCount)
    {
        _host = host;
        Request = request;
        Content = content;
        ExecutionCount = executionCount;
    }

    public JupyterMessage Request { get; }

    public ExecuteRequest Content { get; }

    public string Code => Content.Code;

    /// <summary>The count this cell runs as (not incremented for silent cells).</summary>
    public long ExecutionCount { get; }

    public bool Silent => Content.Silent;

    /// <summary>Whether the frontend can answer <c>input_request</c>.</summary>
    public bool AllowStdin => Content.AllowStdin;

    /// <summary>
    /// The code of the cells already queued behind this one that will run as it does (not silent, stopping on error),
    /// at most <paramref name="max"/>: an engine may prepare them together. Each still comes as its own execution, and
    /// none comes when this one fails (the host aborts them). Enumerate it from this execution's flow, before it ends.
    /// </summary>
    public IEnumerable<string> UpcomingCode(int max) => _host.UpcomingCode(Content, max);

    public ValueTask WriteStreamAsync(string name, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteStreamAsync(name, [text.AsMemory()], cancellationToken);
    }

    /// <summary>
    /// Publishes the pieces of <paramref name="text"/> as one <c>stream</c> message, without joining them into one
    /// string first. The pieces are encoded before this returns: their memory can be reused once it has.
    /// </summary>
    public ValueTask WriteStreamAsync(string name, IReadOnlyList<ReadOnlyMemory<char>> text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        return _host.PublishRawAsync(MessageTypes.Stream, StreamJson.Encode(name, text), Request, cancellationToken);
    }

    public ValueTask DisplayAsync(Dictionary<string, JsonElement> data, Dictionary<string, JsonElement>? metadata = null, string? displayId = null, CancellationToken cancellationToken = default) =>
        _host.PublishAsync(
            MessageTypes.DisplayData,
            new DisplayData { Data = data, Metadata = metadata ?? [], Transient = Transient(displayId) },
            MessagingJsonContext.Default.DisplayData,
            Request,
            cancellationToken);

    public ValueTask UpdateDisplayAsync(string displayId, Dictionary<string, JsonElement> data, Dictionary<string, JsonElement>? metadata = null, CancellationToken cancellationToken = default) =>
        _host.PublishAsync(
            MessageTypes.UpdateDisplayData,
            new UpdateDisplayData { Data = data, Metadata = metadata ?? [], Transient = Transient(displayId) },
            MessagingJsonContext.Default.UpdateDisplayData,
            Request,
            cancellationToken);

    public ValueTask ClearOutputAsync(bool wait = false, CancellationToken cancellationToken = default) =>
        _host.PublishAsync(MessageTypes.ClearOutput, new ClearOutput { Wait = wait }, MessagingJsonContext.Default.ClearOutput, Request, cancellationToken);

    /// <summary>Publishes the cell's value (<c>execute_result</c>); ignored for silent cells, as the protocol asks.</summary>
    public ValueTask PublishResultAsync(Dictionary<string, JsonElement> data, Dictionary<string, JsonElement>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Silent)
        {
            return ValueTask.CompletedTask;
        }

        if (Content.StoreHistory && data.TryGetValue("text/plain", out var text) && text.ValueKind == JsonValueKind.String)
        {
            _host.RecordOutput(ExecutionCount, text.GetString()!);
        }

        return _host.PublishAsync(
                MessageTypes.ExecuteResult,
                new ExecuteResult { ExecutionCount = ExecutionCount, Data = data, Metadata = metadata ?? [] },
                MessagingJsonContext.Default.ExecuteResult,
                Request,
                cancellationToken);
    }

    /// <summary>Asks the frontend for a line of input through <c>input_request</c> on stdin.</summary>
    /// <exception cref="StdinNotAllowedException">The frontend said it cannot answer (<c>allow_stdin</c> false).</exception>
    public Task<string> RequestInputAsync(string prompt, bool password = false, CancellationToken cancellationToken = default) =>
        AllowStdin
            ? _host.RequestInputAsync(Request, prompt, password, cancellationToken)
            : throw new StdinNotAllowedException();

    private static Dictionary<string, JsonElement>? Transient(string? displayId) =>
        displayId is null ? null : new() { ["display_id"] = JsonSerializer.SerializeToElement(displayId, HostJsonContext.Default.String) };
}
