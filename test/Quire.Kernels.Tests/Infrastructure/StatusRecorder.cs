using System.Threading.Channels;
using Quire.Kernels.Management;

namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>Records a kernel's status changes and lets a test wait for one.</summary>
internal sealed class StatusRecorder
{
    private readonly Channel<KernelStatusChangedEventArgs> _events = Channel.CreateUnbounded<KernelStatusChangedEventArgs>();
    private readonly List<KernelStatusChangedEventArgs> _history = [];
    private readonly Lock _lock = new();

    public StatusRecorder(KernelManager kernel) => kernel.StatusChanged += (_, e) =>
    {
        lock (_lock)
        {
            _history.Add(e);
        }

        _events.Writer.TryWrite(e);
    };

    public IReadOnlyList<KernelStatusChangedEventArgs> History
    {
        get
        {
            lock (_lock)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Waits for the next change to <paramref name="status"/>, skipping others.</summary>
    public async Task<KernelStatusChangedEventArgs> WaitForAsync(KernelStatus status, TimeSpan timeout, string expectation)
    {
        async Task<KernelStatusChangedEventArgs> Next()
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(TestContext.Current.CancellationToken);
                if (e.Status == status)
                {
                    return e;
                }
            }
        }

        return await Next().Within(timeout, $"{expectation}; changes so far: {string.Join(" | ", History)}");
    }
}
