using System.Buffers;
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
    private static ArrayBufferWriter<byte>? _scratch;

    [ThreadStatic]
    private static List<int>? _lengths;

    /// <summary>What <see cref="TryReceive"/> found.</summary>
    public enum Received
    {
        Nothing,
        Message,
        TooLarge,
    }

    /// <summary>
    /// Reads one whole multipart message into <paramref name="frames"/>, copying each frame once. Once the total passes
    /// <paramref name="maxSize"/> the remaining frames are read and discarded uncopied.
    /// </summary>
    public static Received TryReceive(NetMQSocket socket, List<ReadOnlyMemory<byte>> frames, long maxSize)
    {
        frames.Clear();
        var msg = default(Msg);
        msg.InitEmpty();
        try
        {
            if (!socket.TryReceive(ref msg, TimeSpan.Zero))
            {
                return Received.Nothing;
            }

            // The parts are gathered in a reusable buffer and copied out once into a single array that all the frames
            // slice: one allocation per message instead of one per frame (a stream message has seven).
            var scratch = _scratch ??= new ArrayBufferWriter<byte>(4096);
            var lengths = _lengths ??= [];
            scratch.ResetWrittenCount();
            lengths.Clear();
            long total = 0;
            var tooLarge = false;
            while (true)
            {
                total += msg.Size;
                tooLarge |= total > maxSize;
                if (!tooLarge)
                {
                    msg.Slice().CopyTo(scratch.GetSpan(msg.Size));
                    scratch.Advance(msg.Size);
                    lengths.Add(msg.Size);
                }

                // ZeroMQ delivers a multipart message whole or not at all, so the next part is already queued.
                if (!msg.HasMore || !socket.TryReceive(ref msg, TimeSpan.Zero))
                {
                    break;
                }
            }

            if (tooLarge)
            {
                return Received.TooLarge;
            }

            ReadOnlyMemory<byte> all = scratch.WrittenSpan.ToArray();
            var offset = 0;
            foreach (var length in lengths)
            {
                frames.Add(length == 0 ? ReadOnlyMemory<byte>.Empty : all.Slice(offset, length));
                offset += length;
            }

            return Received.Message;
        }
        finally
        {
            msg.Close();
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
