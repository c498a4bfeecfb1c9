namespace Quire.Server.Kernels.Channels;

/// <summary>
/// What a client session missed while it had no WebSocket: iopub messages and the replies to its own requests, kept in
/// order for replay when the session reconnects. Unlike jupyter_server's (an unbounded list), it is bounded in
/// messages and bytes; past either bound the oldest iopub messages go first (replies are few and a client waits for
/// each), and the replay starts with a notice saying how many were dropped.
/// </summary>
internal sealed class OfflineBuffer(long createdSequence, int maxMessages, long maxBytes)
{
    private readonly Queue<(long Sequence, OutboundMessage Message, long Bytes)> _iopub = new();
    private readonly Queue<(long Sequence, OutboundMessage Message, long Bytes)> _replies = new();
    private long _sequence;
    private long _bytes;

    /// <summary>Orders buffers by age, so that the oldest is given up first when too many sessions are away.</summary>
    public long CreatedSequence { get; } = createdSequence;

    public int Count => _iopub.Count + _replies.Count;

    public long Bytes => _bytes;

    /// <summary>How many messages were dropped to stay within the bounds.</summary>
    public long Dropped { get; private set; }

    public void Add(OutboundMessage message)
    {
        var bytes = message.PartsLength;
        var entry = (_sequence++, message, bytes);
        (message.Channel == ChannelNames.IOPub ? _iopub : _replies).Enqueue(entry);
        _bytes += bytes;
        while (Count > maxMessages || (_bytes > maxBytes && Count > 0))
        {
            var (_, _, dropped) = _iopub.Count > 0 ? _iopub.Dequeue() : _replies.Dequeue();
            _bytes -= dropped;
            Dropped++;
        }
    }

    /// <summary>The kept messages in the order they arrived.</summary>
    public List<OutboundMessage> Drain()
    {
        var result = new List<OutboundMessage>(Count);
        while (_iopub.Count > 0 || _replies.Count > 0)
        {
            var fromIOPub = _replies.Count == 0 || (_iopub.Count > 0 && _iopub.Peek().Sequence < _replies.Peek().Sequence);
            result.Add((fromIOPub ? _iopub : _replies).Dequeue().Message);
        }

        _bytes = 0;
        return result;
    }
}
