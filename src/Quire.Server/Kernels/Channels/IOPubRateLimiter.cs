using System.Globalization;
using Quire.Messaging.Protocol.Content;

namespace Quire.Server.Kernels.Channels;

/// <summary>
/// jupyter_server's iopub rate limit, per WebSocket: over a sliding window, the number of iopub messages and the bytes
/// of stream messages (status, comm_open and execute_input are exempt). Past a limit, messages are dropped and the
/// client gets one stderr stream notice; sending resumes once the rate is under 80% of the limit again, and an
/// <c>idle</c> status resets everything (so that "Run All" does not trip it). Used from the hub's iopub loop only.
/// </summary>
internal sealed class IOPubRateLimiter(KernelsOptions options, TimeProvider time)
{
    private readonly Queue<(DateTimeOffset Expires, long Bytes)> _window = new();
    private long _messages;
    private long _bytes;
    private bool _messagesExceeded;
    private bool _dataExceeded;

    /// <summary>Whether to send <paramref name="message"/>; <paramref name="notice"/> is set when a limit was just crossed.</summary>
    public bool Admit(OutboundMessage message, out string? notice)
    {
        notice = null;
        var msgType = message.Message.MsgType;
        if (msgType == MessageTypes.Status && message.ExecutionState == ExecutionStates.Idle)
        {
            _window.Clear();
            (_messages, _bytes, _messagesExceeded, _dataExceeded) = (0, 0, false, false);
        }

        if (msgType is MessageTypes.Status or MessageTypes.CommOpen or MessageTypes.ExecuteInput)
        {
            return true;
        }

        var now = time.GetUtcNow();
        while (_window.TryPeek(out var oldest) && now >= oldest.Expires)
        {
            _window.Dequeue();
            _messages--;
            _bytes -= oldest.Bytes;
        }

        var bytes = msgType == MessageTypes.Stream ? message.PartsLength : 0;
        var seconds = options.RateLimitWindow.TotalSeconds;
        var messageRate = (_messages + 1) / seconds;
        var dataRate = (_bytes + bytes) / seconds;

        if (options.IOPubMsgRateLimit > 0 && messageRate > options.IOPubMsgRateLimit)
        {
            if (!_messagesExceeded)
            {
                _messagesExceeded = true;
                notice = Notice("message", "IOPubMsgRateLimit", "iopub_msg_rate_limit", options.IOPubMsgRateLimit, "msgs/sec");
            }
        }
        else if (_messagesExceeded && messageRate < 0.8 * options.IOPubMsgRateLimit)
        {
            _messagesExceeded = false;
        }

        if (options.IOPubDataRateLimit > 0 && dataRate > options.IOPubDataRateLimit)
        {
            if (!_dataExceeded)
            {
                _dataExceeded = true;
                notice ??= Notice("data", "IOPubDataRateLimit", "iopub_data_rate_limit", options.IOPubDataRateLimit, "bytes/sec");
            }
        }
        else if (_dataExceeded && dataRate < 0.8 * options.IOPubDataRateLimit)
        {
            _dataExceeded = false;
        }

        if (_messagesExceeded || _dataExceeded)
        {
            // Dropped messages do not count: the rate measures what the client was sent.
            return false;
        }

        _messages++;
        _bytes += bytes;
        _window.Enqueue((now + options.RateLimitWindow, bytes));
        return true;
    }

    // jupyter_server's wording, so that users find the usual advice, naming Quire's setting first.
    private string Notice(string what, string setting, string jupyterSetting, double limit, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            IOPub {what} rate exceeded.
            The Jupyter server will temporarily stop sending output
            to the client in order to avoid crashing it.
            To change this limit, set the server setting KernelsOptions.{setting}
            (jupyter_server's `--ServerApp.{jupyterSetting}`).

            Current values:
            ServerApp.{jupyterSetting}={PythonFloat(limit)} ({unit})
            ServerApp.rate_limit_window={PythonFloat(options.RateLimitWindow.TotalSeconds)} (secs)

            """);

    private static string PythonFloat(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e16 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
