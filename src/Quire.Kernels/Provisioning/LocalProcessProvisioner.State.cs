using Quire.Messaging.Connection;

namespace Quire.Kernels.Provisioning;

public sealed partial class LocalProcessProvisioner
{
    public Task<ProvisionerState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new ProvisionerState
            {
                ProvisionerName = Name,
                KernelId = _kernelId ?? throw new InvalidOperationException("no kernel has been launched or reattached"),
                Connection = _connection,
                ConnectionFile = _connectionFile,
                ProcessId = _pid,
                ProcessGroupId = _pgid,
                ProcessStartTicks = _startTicks,
                StartedAt = _startedAt,
            });
        }
    }

    public Task LoadStateAsync(ProvisionerState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (!string.Equals(state.ProvisionerName, Name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"kernel {state.KernelId} belongs to provisioner '{state.ProvisionerName}', not '{Name}'");
        }

        if (state.ProcessId is not { } pid)
        {
            throw new InvalidOperationException($"kernel {state.KernelId}: the saved state has no pid to reattach to");
        }

        if (!IsSameProcessAlive(pid, state.ProcessStartTicks))
        {
            throw new InvalidOperationException(ProcStat.Read(pid) is { IsZombie: false }
                ? $"kernel {state.KernelId}: pid {pid} now belongs to another process (its start time differs)"
                : $"kernel {state.KernelId}: process {pid} is no longer running");
        }

        lock (_lock)
        {
            if (_hasProcess)
            {
                throw new InvalidOperationException($"this provisioner already manages kernel {_kernelId}");
            }

            _process = null;
            _hasProcess = true;
            _pid = pid;
            _pgid = state.ProcessGroupId;
            _startTicks = state.ProcessStartTicks;
            _startedAt = state.StartedAt;
            _kernelId = state.KernelId;
            _connection = state.Connection;
            _connectionFile = state.ConnectionFile;
            _output = new OutputRingLog(_options.OutputTailLines);
            _exit = WatchReattachedAsync(pid, state.ProcessStartTicks, state.KernelId);
        }

        LocalProvisionerLog.Reattached(_logger, state.KernelId, pid);
        return Task.CompletedTask;
    }

    public Task CleanupAsync(bool restart = false, CancellationToken cancellationToken = default)
    {
        string? connectionFile;
        ConnectionInfo? connection;
        lock (_lock)
        {
            (connectionFile, connection) = (_connectionFile, _connection);
            if (_process is { HasExited: true } process)
            {
                // Closes the output pipes; the exit code is already recorded in _exit.
                process.Dispose();
                _process = null;
            }
        }

        if (!restart)
        {
            // jupyter_client keeps the connection file across a restart (same ports and key) and removes it after.
            TryDelete(connectionFile);
            if (connection is { Transport: "ipc" } ipc)
            {
                foreach (var port in new[] { ipc.ShellPort, ipc.IOPubPort, ipc.StdinPort, ipc.ControlPort, ipc.HeartbeatPort })
                {
                    TryDelete($"{ipc.Ip}-{port}");
                }
            }
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        Task pumps;
        lock (_lock)
        {
            _process?.Dispose();
            _process = null;
            pumps = _pumps;
        }

        await pumps.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposed.Dispose();
    }

    private async Task<int> WatchReattachedAsync(int pid, long? startTicks, string kernelId)
    {
        // Not our child: there is no exit notification to wait on, only /proc to look at.
        using var timer = new PeriodicTimer(_options.ReattachedPollInterval, _time);
        while (IsSameProcessAlive(pid, startTicks))
        {
            await timer.WaitForNextTickAsync(_disposed.Token).ConfigureAwait(false);
        }

        MarkExited(pid, kernelId, -1);
        return -1;
    }

    private void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LocalProvisionerLog.CleanupFailed(_logger, path, ex.Message);
        }
    }
}
