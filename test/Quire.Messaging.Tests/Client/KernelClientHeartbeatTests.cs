using Quire.Messaging.Client;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;
using Quire.Messaging.Tests.Fakes;

namespace Quire.Messaging.Tests.Client;

public sealed class KernelClientHeartbeatTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly ClientHarness _h = new(new KernelClientOptions { HeartbeatInterval = Interval, HeartbeatMisses = 2 });

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Heartbeat_ConsecutiveMisses_MarkDead_RaiseOnce_AndFailWaitingCalls()
    {
        var lost = 0;
        var lostSignal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Client.HeartbeatLost += (_, _) =>
        {
            Interlocked.Increment(ref lost);
            lostSignal.TrySetResult(true);
        };
        _h.Channels.ScriptPings(false, true, false, false);
        _h.Channels.DefaultPingAnswer = false;

        _h.Client.StartHeartbeatMonitor();
        _h.Client.StartHeartbeatMonitor();
        Assert.Equal(0, _h.Channels.PingCount);

        // The monitor's delays run on the fake clock, and each ping is answered at once, so each step pings once.
        AdvanceAndExpectPings(1);
        AdvanceAndExpectPings(2);
        AdvanceAndExpectPings(3);
        Assert.NotEqual(ExecutionStates.Dead, _h.Client.ExecutionState);
        var run = _h.Client.ExecuteAsync("while True: pass", cancellationToken: TestContext.Current.CancellationToken);
        await _h.Kernel.ReceiveAsync(KernelChannel.Shell);

        AdvanceAndExpectPings(4);
        Assert.True(await ClientHarness.Within(lostSignal.Task, "HeartbeatLost"));
        await Assert.ThrowsAsync<KernelDeadException>(() => run.WaitAsync(ClientHarness.Wait, TestContext.Current.CancellationToken));

        _h.Time.Advance(Interval * 5);
        Assert.Equal(4, _h.Channels.PingCount);
        Assert.Equal(1, Volatile.Read(ref lost));
        Assert.Equal(ExecutionStates.Dead, _h.Client.ExecutionState);

        // A status that straggles in after death does not revive the kernel.
        _h.Kernel.Status(null, ExecutionStates.Idle);
        await _h.IOPubDrainedAsync();
        Assert.Equal(ExecutionStates.Dead, _h.Client.ExecutionState);
    }

    [Fact]
    public async Task Heartbeat_Answered_KeepsPinging_AndIsAliveSendsOnePing()
    {
        _h.Client.StartHeartbeatMonitor();

        for (var i = 1; i <= 3; i++)
        {
            AdvanceAndExpectPings(i);
        }

        Assert.True(await _h.Client.IsAliveAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        Assert.Equal(4, _h.Channels.PingCount);
        Assert.Equal(ExecutionStates.Unknown, _h.Client.ExecutionState);
    }

    private void AdvanceAndExpectPings(int expected)
    {
        _h.Time.Advance(Interval);
        Assert.Equal(expected, _h.Channels.PingCount);
    }
}
