using System.Runtime.InteropServices;
using NetMQ;

namespace Quire.Messaging.ZeroMQ;

/// <summary>
/// Moves multipart messages between NetMQ sockets and managed frames, without waiting: the connection's thread must
/// never block on one socket while the others (the heartbeat among them) wait.
/// </summary>
internal static class FrameIO
{
    // Per thread: each connection's sockets are read only by that connection's own thread.
    [ThreadStatic]
    private static Msg[]? _parts;

    /// <summary>What <see cref="TryReceive"/> found.</summary>
    public enum Received
    {
        Nothing,
        Message,
        TooLarge,
    }

    /// <summary>
    /// Reads one whole multipart message into <paramref name="frames"/>: consecutive slices of a single new array, so
    /// one allocation per message instead of one per frame (a stream message has seven), and the signed frames lie
    /// back to back for a one-pass HMAC. Once the total passes <paramref name="maxSize"/> the remaining frames are read
    /// and discarded uncopied.
    /// </summary>
    public static Received TryReceive(NetMQSocket socket, List<ReadOnlyMemory<byte>> frames, long maxSize)
    {
        frames.Clear();
        var parts = _parts ??= new Msg[16];
        var count = 0;
        long total = 0;
        var tooLarge = false;
        try
        {
            while (true)
            {
                if (count == parts.Length)
                {
                    Array.Resize(ref parts, parts.Length * 2);
                    _parts = parts;
                }

                // The parts stay open (NetMQ's buffers) until copied, so that each byte is copied once.
                ref var msg = ref parts[count];
                msg.InitEmpty();
                if (!socket.TryReceive(ref msg, TimeSpan.Zero))
                {
                    msg.Close();
                    if (count == 0)
                    {
                        return Received.Nothing;
                    }

                    // ZeroMQ delivers a multipart message whole or not at all, so this cannot happen; if it did, what
                    // arrived is decoded (and refused) like any other message.
                    break;
                }

                var more = msg.HasMore;
                total += msg.Size;
                if (total > maxSize)
                {
                    // Nothing of it is kept: let the parts go as they are read.
                    tooLarge = true;
                    msg.Close();
                    Close(parts, count);
                    count = 0;
                }
                else
                {
                    count++;
                }

                if (!more)
                {
                    break;
                }
            }

            if (tooLarge)
            {
                return Received.TooLarge;
            }

            var all = new byte[total];
            var offset = 0;
            for (var i = 0; i < count; i++)
            {
                var size = parts[i].Size;
                parts[i].Slice().CopyTo(all.AsSpan(offset));
                frames.Add(all.AsMemory(offset, size));
                offset += size;
            }

            return Received.Message;
        }
        finally
        {
            Close(parts, count);
        }
    }

    private static void Close(Msg[] parts, int count)
    {
        for (var i = 0; i < count; i++)
        {
            parts[i].Close();
        }
    }

    /// <summary>
    /// Sends the frames; returns how many went. Zero means the socket cannot take a message now (high watermark, no
    /// peer) and nothing was sent.
    /// </summary>
    public static int TrySend(NetMQSocket socket, ReadOnlyMemory<byte>[] frames)
    {
        for (var i = 0; i < frames.Length; i++)
        {
            var msg = default(Msg);
            var frame = frames[i];
            if (frame.IsEmpty)
            {
                msg.InitEmpty();
            }
            else if (MemoryMarshal.TryGetArray(frame, out var segment))
            {
                // NetMQ sends straight from the array: the frames are never written again once encoded.
                msg.InitGC(segment.Array!, segment.Offset, segment.Count);
            }
            else
            {
                msg.InitPool(frame.Length);
                frame.Span.CopyTo(msg.Slice());
            }

            var sent = socket.TrySend(ref msg, TimeSpan.Zero, i < frames.Length - 1);
            msg.Close();
            if (!sent)
            {
                // Past the first frame ZeroMQ accepts the rest of a message (the watermark counts whole messages), so
                // anything but zero here means the socket itself failed.
                return i;
            }
        }

        return frames.Length;
    }

}
