using System.Text.Json;
using Quire.Cli.Kernels.Terminal;
using Quire.Messaging.Protocol.Content;

namespace Quire.Cli.Kernels;

/// <summary>Running a cell, interrupting it, answering its <c>input()</c>; completion and is-complete at the prompt.</summary>
internal sealed partial class ReplConsole
{
    private readonly SemaphoreSlim _keysForInput = new(1, 1);

    /// <returns>False when the kernel asked the console to exit (IPython's <c>exit()</c>).</returns>
    private async Task<bool> ExecuteAsync(string code, CancellationToken cancellationToken)
    {
        _watcher!.Start();
        try
        {
            var result = await _session.ExecuteAsync(code, _printer.Print, AnswerInputAsync, cancellationToken).ConfigureAwait(false);
            if (result.ExecutionCount is { } count)
            {
                _next = count + 1;
            }

            return !(result.Reply.Payload ?? []).Any(IsAskExit);
        }
        catch (KernelSessionException ex)
        {
            await _console.Error.WriteLineAsync($"[quire console] the cell did not finish: {ex.Message}").ConfigureAwait(false);
            return true;
        }
        finally
        {
            // An input() prompt may still own the keys if the kernel died while it was waiting.
            await _keysForInput.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await _watcher!.StopAsync().ConfigureAwait(false);
            }
            finally
            {
                _keysForInput.Release();
            }
        }
    }

    private async ValueTask<string> AnswerInputAsync(InputRequest request, CancellationToken cancellationToken)
    {
        await _keysForInput.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _watcher!.StopAsync().ConfigureAwait(false);
            var edit = await _editor.ReadAsync(new EditRequest { Prompt = request.Prompt, Hidden = request.Password }, cancellationToken).ConfigureAwait(false);
            if (edit.Outcome == EditOutcome.Interrupted)
            {
                // The kernel raises KeyboardInterrupt in input(); the empty answer that follows is ignored.
                await InterruptAsync().ConfigureAwait(false);
            }

            return edit.Text;
        }
        finally
        {
            _watcher!.Start();
            _keysForInput.Release();
        }
    }

    private async Task InterruptAsync()
    {
        try
        {
            await _session.InterruptAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or KernelSessionException or IOException)
        {
            await _console.Error.WriteLineAsync($"[quire console] could not interrupt the kernel: {ex.Message}").ConfigureAwait(false);
        }
    }

    // Enter at the prompt: the kernel says whether the cell is complete and, if not, how to indent the next line.
    private async Task<string?> IsIncompleteAsync(string code, CancellationToken cancellationToken)
    {
        // Two empty lines end a cell whatever the kernel thinks, so that a confused kernel cannot trap the prompt.
        if (string.IsNullOrWhiteSpace(code) || code.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var reply = await _session.Client.IsCompleteAsync(code, cancellationToken).WaitAsync(KernelQuestionTimeout, cancellationToken).ConfigureAwait(false);
            return reply.Status == "incomplete" ? reply.Indent ?? string.Empty : null;
        }
        catch (Exception ex) when (ex is TimeoutException or KernelSessionException)
        {
            return null;
        }
    }

    private async Task<Completion?> CompleteAsync(string code, int cursor, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await _session.Client.CompleteAsync(code, CodePoints.FromUtf16(code, cursor), cancellationToken)
                .WaitAsync(KernelQuestionTimeout, cancellationToken).ConfigureAwait(false);
            return reply.IsOk
                ? new Completion(CodePoints.ToUtf16(code, reply.CursorStart), CodePoints.ToUtf16(code, reply.CursorEnd), reply.Matches)
                : null;
        }
        catch (Exception ex) when (ex is TimeoutException or KernelSessionException)
        {
            return null;
        }
    }

    private static bool IsAskExit(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("source", out var source) &&
        source.ValueKind == JsonValueKind.String && source.GetString() == "ask_exit";
}
