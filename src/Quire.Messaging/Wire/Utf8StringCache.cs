using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;

namespace Quire.Messaging.Wire;

/// <summary>
/// Returns the same string for the same short JSON string value, as long as it keeps coming back: one connection's
/// headers repeat their session id, user name, version and a handful of message types in every message.
/// </summary>
/// <remarks>
/// Small and fixed (a value that does not repeat is simply replaced), so it never grows with what a peer sends. Safe
/// without locks: an entry is immutable and swapped whole, and a race costs at most a fresh string.
/// </remarks>
internal sealed class Utf8StringCache
{
    private const int SlotBits = 5;
    private const int MaxLength = 64;
    private readonly Entry?[] _entries = new Entry?[1 << SlotBits];

    /// <summary>The reader's current string value.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        var slot = Slot(utf8);
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        // Only the reader decodes (and so validates) the UTF-8: a cached value was valid when it was first read.
        var value = reader.GetString()!;
        Volatile.Write(ref _entries[slot], new Entry(utf8.ToArray(), value));
        return value;
    }

    /// <summary>
    /// From the length and the first and last eight bytes: enough to tell apart a few dozen values that differ in
    /// length or at their ends (ids, message types). A poor spread costs only misses, never a wrong string.
    /// </summary>
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        var bits = (ulong)utf8.Length;
        if (utf8.Length >= sizeof(ulong))
        {
            bits ^= BinaryPrimitives.ReadUInt64LittleEndian(utf8) ^ BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(utf8[^sizeof(ulong)..]), 29);
        }
        else
        {
            foreach (var b in utf8)
            {
                bits = (bits << 8) | b;
            }
        }

        return (int)((bits * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
