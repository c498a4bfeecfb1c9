namespace Quire.Messaging.Wire;

/// <summary>
/// Remembers recent signatures and refuses a message whose signature was already seen (a replay), as jupyter_client's
/// <c>digest_history</c> does. Bounded: the oldest signatures are forgotten first.
/// </summary>
public sealed class ReplayGuard
{
    private readonly HashSet<UInt128> _seen;
    private readonly Queue<UInt128> _order;
    private readonly Lock _lock = new();

    public ReplayGuard(int capacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _seen = new HashSet<UInt128>(capacity);
        _order = new Queue<UInt128>(capacity);
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

        var key = Key(signature);
        lock (_lock)
        {
            if (!_seen.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > Capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>
    /// The first 128 bits of the signature stand for it: a verified signature is an HMAC, uniformly random, so two
    /// different ones share them with probability 2^-128, and a replay (the same signature) always does. No string per
    /// message. Text that is not hex (possible only with signing disabled) is folded instead.
    /// </summary>
    private static UInt128 Key(ReadOnlySpan<byte> signature)
    {
        UInt128 value = 0;
        if (signature.Length >= 32)
        {
            var hex = true;
            for (var i = 0; i < 32 && hex; i++)
            {
                var nibble = Nibble(signature[i]);
                hex = nibble >= 0;
                value = (value << 4) | (uint)Math.Max(nibble, 0);
            }

            if (hex)
            {
                return value;
            }
        }

        ulong low = 14695981039346656037UL, high = 0x9E3779B97F4A7C15UL;
        foreach (var b in signature)
        {
            low = (low ^ b) * 1099511628211UL;
            high = ((high ^ b) * 0x100000001B3UL) ^ (high >> 29);
        }

        return new UInt128(high, low);
    }

    private static int Nibble(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
