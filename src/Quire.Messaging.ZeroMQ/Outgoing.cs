using Quire.Messaging.Protocol;

namespace Quire.Messaging.ZeroMQ;

/// <summary>Work handed to a connection's thread: encoded frames for a channel's socket, or a command.</summary>
internal readonly record struct Outgoing(KernelChannel Channel, ReadOnlyMemory<byte>[] Frames, OutgoingKind Kind = OutgoingKind.Message);
