using System.Buffers;
using System.Buffers.Binary;

namespace Quire.Messaging.Wire;

/// <summary>
/// Remembers recent signatures and refuses a message whose signature was already seen (a replay), as jupyter_client's
/// <c>digest_history</c> does. Bounded: the oldest signatures are forgotten first.
/// </summary>
/// <remarks>
/// Every received message passes through here, and the history is larger than the CPU's nearer caches, so the cost is
/// memory misses: the set is one open-addressed table of 64-bit keys at most half full (an insert or a removal is
/// usually one miss, where a <see cref="HashSet{T}"/> of strings takes several), and the arrival order a ring of them.
/// </remarks>
public sealed class ReplayGuard
{
    private readonly ulong[] _slots;
    private readonly ulong[] _order;
    private readonly Lock _lock = new();
    private int _oldest;
    private int _count;

    // Zero marks an empty slot, so the key zero itself (never a real HMAC's, in practice) is kept aside.
    private bool _hasZero;

    public ReplayGuard(int capacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 29);
        Capacity = capacity;
        // More than twice the capacity, so that runs stay short and the table has empty slots even while it holds one
        // key over capacity, between an insert and the eviction that follows it.
        _slots = new ulong[(capacity * 2) + 1];
        _order = new ulong[capacity];
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
            if (!Add(key))
            {
                return false;
            }

            if (_count == Capacity)
            {
                Remove(_order[_oldest]);
                _order[_oldest] = key;
                _oldest = _oldest + 1 == Capacity ? 0 : _oldest + 1;
            }
            else
            {
                _order[(_oldest + _count) % Capacity] = key;
                _count++;
            }

            return true;
        }
    }

    /// <summary>
    /// The first 64 bits of the signature stand for it. A verified signature is an HMAC, uniformly random, so a replay
    /// (the same signature) always has the same key and a fresh message shares one with a remembered signature with
    /// probability history ÷ 2^64 (under 2^-48 for jupyter_client's 2^16). No string per message. Text that is not hex
    /// (possible only with signing disabled) is folded instead.
    /// </summary>
    private static ulong Key(ReadOnlySpan<byte> signature)
    {
        Span<byte> bits = stackalloc byte[sizeof(ulong)];
        if (signature.Length >= 16 && Convert.FromHexString(signature[..16], bits, out _, out var written) == OperationStatus.Done && written == 8)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(bits);
        }

        var folded = 14695981039346656037UL;
        foreach (var b in signature)
        {
            folded = (folded ^ b) * 1099511628211UL;
        }

        return folded;
    }

    /// <summary>False when the key is already there.</summary>
    private bool Add(ulong key)
    {
        if (key == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        for (var i = Home(key); ; i = Next(i))
        {
            if (_slots[i] == 0)
            {
                _slots[i] = key;
                return true;
            }

            if (_slots[i] == key)
            {
                return false;
            }
        }
    }

    /// <summary>Removes a key known to be present, closing the gap so that every other key stays reachable from its home.</summary>
    private void Remove(ulong key)
    {
        if (key == 0)
        {
            _hasZero = false;
            return;
        }

        var gap = Home(key);
        while (_slots[gap] != key)
        {
            gap = Next(gap);
        }

        // Backward-shift deletion: a later key of the same run moves into the gap unless its home lies cyclically
        // after the gap (then it is reachable without passing it).
        for (var i = Next(gap); _slots[i] != 0; i = Next(i))
        {
            if (Distance(Home(_slots[i]), i) >= Distance(gap, i))
            {
                _slots[gap] = _slots[i];
                gap = i;
            }
        }

        _slots[gap] = 0;
    }

    /// <summary>
    /// Fibonacci hashing, then the multiply-shift range reduction (no power-of-two table): verified keys are random
    /// already, direct callers' need not be.
    /// </summary>
    private int Home(ulong key) => (int)(((key * 0x9E3779B97F4A7C15UL) >> 32) * (ulong)_slots.Length >> 32);

    private int Next(int slot) => slot + 1 == _slots.Length ? 0 : slot + 1;

    /// <summary>How far <paramref name="to"/> lies after <paramref name="from"/>, going round the table.</summary>
    private int Distance(int from, int to) => to >= from ? to - from : to + _slots.Length - from;
}
