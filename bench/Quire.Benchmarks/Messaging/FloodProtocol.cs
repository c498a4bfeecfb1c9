namespace Quire.Benchmarks.Messaging;

/// <summary>
/// What the flooding peer and both receivers (ours and bench/messaging/jc_receive.py) agree on; messages are told
/// apart by <c>msg_type</c>, signals go back through files next to READY_FILE.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The peer publishes <see cref="Probe"/>s until the receiver creates READY_FILE (its subscription is in effect).</item>
/// <item>Warm-up: rounds of <see cref="RoundSize"/> stream messages, each ended by a <see cref="Round"/> marker; the
/// receiver answers each marker by creating READY_FILE.round (the peer deletes it before the next round) or, once it is
/// warm, READY_FILE.warm. Our receiver is warm after <see cref="MinWarmUp"/> messages and <see cref="QuietRounds"/> rounds
/// in which .NET's tiered JIT compiled nothing (profile-guided tiering recompiles the hot path twice, in the background,
/// for seconds on a busy 2-core machine); Python is warm after <see cref="MinWarmUp"/> messages. Every other benchmark here measures
/// steady state too; the warm-up's own rate is reported as the cold figure.</item>
/// <item>Timed: <see cref="Start"/>, COUNT stream messages signed in advance, sent as fast as the socket takes them,
/// then <see cref="Done"/>; the receiver creates READY_FILE.done once it has read it.</item>
/// </list>
/// </remarks>
internal static class FloodProtocol
{
    public const string Probe = "probe";
    public const string Round = "round";
    public const string Start = "start";
    public const string Done = "done";
    public const int RoundSize = 10_000;

    /// <summary>Consecutive warm-up rounds in which our receiver's JIT must compile nothing.</summary>
    public const int QuietRounds = 2;

    /// <summary>Warm-up rounds after which the peer starts the timed part regardless (the report shows the JIT's share).</summary>
    public const int MaxRounds = 60;

    /// <summary>Warm-up messages each receiver takes at least; jc_receive.py computes the same.</summary>
    public static int MinWarmUp(int count) => count / 2;
}
