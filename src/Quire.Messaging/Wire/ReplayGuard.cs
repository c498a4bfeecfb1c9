namespace Quire.Messaging.Wire;

/// <summary>
/// Remembers recent signatures and refuses a message whose signature was already seen (a replay), as jupyter_client's
/// <c>digest_history</c> does. Bounded: the oldest signatures are forgotten first.
/// </summary>
public sealed class ReplayGuard
{
    private readonly HashSet<string> _seen;
    private readonly Queue<string> _order;
    private readonly Lock _lock = new();

    public ReplayGuard(int capacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _seen = new HashSet<string>(capacity, StringComparer.Ordinal);
        _order = new Queue<string>(capacity);
    }

    public int Capacity { get; }

    /// <summary>Records the signature; false when it was seen before.</summary>
    public bool TryRecord(ReadOnlySpan<byte> signature)
    {
        if (signature.IsEmpty)
        {
            // Unsigned messages (no key) cannot be told apart; there is nothing to record.
            return true;
        }

        var text = System.Text.Encoding.ASCII.GetString(signature);
        lock (_lock)
        {
            if (!_seen.Add(text))
            {
                return false;
            }

            _order.Enqueue(text);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
