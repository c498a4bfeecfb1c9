namespace Quire.Server.Kernels.Channels;

/// <summary>
/// A client's message as cut out of one WebSocket frame: the channel name and the raw UTF-8 of each part, all slices
/// of the frame's own buffer (nothing re-serialised). Missing parts are empty.
/// </summary>
internal readonly record struct IncomingFrame(
    string? Channel,
    ReadOnlyMemory<byte> Header,
    ReadOnlyMemory<byte> ParentHeader,
    ReadOnlyMemory<byte> Metadata,
    ReadOnlyMemory<byte> Content,
    IReadOnlyList<ReadOnlyMemory<byte>> Buffers);
