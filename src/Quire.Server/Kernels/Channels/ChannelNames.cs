using Quire.Messaging.Protocol;

namespace Quire.Server.Kernels.Channels;

/// <summary>The channel names carried in WebSocket messages, and the channels they stand for.</summary>
internal static class ChannelNames
{
    public const string Shell = "shell";
    public const string Control = "control";
    public const string Stdin = "stdin";
    public const string IOPub = "iopub";

    public static string Of(KernelChannel channel) => channel switch
    {
        KernelChannel.Shell => Shell,
        KernelChannel.Control => Control,
        KernelChannel.Stdin => Stdin,
        KernelChannel.IOPub => IOPub,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "the heartbeat does not travel over the WebSocket"),
    };

    /// <summary>The channel a client may send on, or null (iopub and unknown names: clients do not publish).</summary>
    public static KernelChannel? Sendable(string? name) => name switch
    {
        Shell => KernelChannel.Shell,
        Control => KernelChannel.Control,
        Stdin => KernelChannel.Stdin,
        _ => null,
    };
}
