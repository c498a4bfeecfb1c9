using Quire.Cli.Kernels.Terminal;

namespace Quire.Cli.Kernels;

/// <summary>
/// While a cell runs, Ctrl+C interrupts the kernel (the terminal delivers it as a key, not a signal, so that the
/// prompt can use it too). Other keys typed meanwhile are kept and handed back, in order, to whoever reads next.
/// </summary>
internal sealed class InterruptWatcher(KeyReader keys, Func<Task> interrupt) : IDisposable
{
    private readonly List<ConsoleKeyInfo> _typeahead = [];
    private CancellationTokenSource? _stop;
    private Task _watching = Task.CompletedTask;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _watching = WatchAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _stop = null;
        keys.Unread(_typeahead);
        _typeahead.Clear();
    }

    public void Dispose() => _stop?.Dispose();

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await keys.ReadAsync(cancellationToken).ConfigureAwait(false) is { } key)
            {
                if (KeyReader.IsInterrupt(key))
                {
                    await interrupt().ConfigureAwait(false);
                }
                else
                {
                    _typeahead.Add(key);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
