using System.Runtime.InteropServices;
using NetMQ;

namespace Quire.Messaging.ZeroMQ;

/// <summary>
/// Moves multipart messages between NetMQ sockets and managed frames, without waiting: the connection's thread must
/// never block on one socket while the others (the heartbeat among them) wait.
/// </summary>
internal static class FrameIO
{
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

            long total = 0;
            var tooLarge = false;
            while (true)
            {
                total += msg.Size;
                if (!tooLarge && total > maxSize)
                {
                    tooLarge = true;
                    frames.Clear();
                }

                if (!tooLarge)
                {
                    frames.Add(Copy(ref msg));
                }

                // ZeroMQ delivers a multipart message whole or not at all, so the next part is already queued.
                if (!msg.HasMore || !socket.TryReceive(ref msg, TimeSpan.Zero))
                {
                    break;
                }
            }

            return tooLarge ? Received.TooLarge : Received.Message;
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

    private static ReadOnlyMemory<byte> Copy(ref Msg msg)
    {
        if (msg.Size == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var bytes = GC.AllocateUninitializedArray<byte>(msg.Size);
        msg.Slice().CopyTo(bytes);
        return bytes;
    }
}
