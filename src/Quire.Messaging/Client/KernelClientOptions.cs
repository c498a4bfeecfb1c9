namespace Quire.Messaging.Client;

/// <summary>Settings of a <see cref="KernelClient"/>.</summary>
public sealed record KernelClientOptions
{
    /// <summary>How long a request waits for its reply when the call gives no timeout (execution excepted).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between heartbeat pings, and how long each ping may take: jupyter_client's <c>time_to_dead</c>.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Consecutive unanswered pings after which the kernel is declared dead.</summary>
    public int HeartbeatMisses { get; init; } = 1;

    /// <summary>The <c>username</c> in the headers this client sends.</summary>
    public string Username { get; init; } = "quire";
}
