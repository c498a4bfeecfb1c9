using System.Text.Json.Serialization;

namespace Quire.Messaging.Connection;

/// <summary>
/// A kernel connection file (<c>kernel-*.json</c>): transport, address, the five ports, the HMAC key and scheme.
/// Read and written by <see cref="ConnectionFile"/>.
/// </summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    [JsonPropertyName("iopub_port")]
    public int IOPubPort { get; init; }

    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    [JsonPropertyName("kernel_name")]
    public string KernelName { get; init; } = string.Empty;

    /// <summary>The ZeroMQ endpoint of a channel: <c>tcp://ip:port</c>, or <c>ipc://path-port</c> as jupyter_client names them.</summary>
    public string Endpoint(Protocol.KernelChannel channel)
    {
        var port = channel switch
        {
            Protocol.KernelChannel.Shell => ShellPort,
            Protocol.KernelChannel.IOPub => IOPubPort,
            Protocol.KernelChannel.Stdin => StdinPort,
            Protocol.KernelChannel.Control => ControlPort,
            _ => HeartbeatPort,
        };
        return Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{(Ip.Contains(':', StringComparison.Ordinal) ? $"[{Ip}]" : Ip)}:{port}";
    }
}
