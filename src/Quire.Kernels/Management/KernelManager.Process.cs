using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;
using Quire.Messaging.Client;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernels.Management;

/// <summary>Launching, connecting and stopping the kernel process. Called with the lifecycle lock held.</summary>
public sealed partial class KernelManager
{
    private static readonly TimeSpan IOPubPollInterval = TimeSpan.FromMilliseconds(200);

    private async Task LaunchAndConnectAsync(ConnectionInfo? connection, CancellationToken cancellationToken)
    {
        var provisioner = _provisioner!;
        var launched = await provisioner.LaunchAsync(
            new KernelLaunchRequest
            {
                Spec = Spec,
                KernelId = KernelId,
                Env = _parameters.Env,
                WorkingDirectory = _parameters.WorkingDirectory,
                Resources = _parameters.Resources,
                Connection = connection,
            },
            cancellationToken).ConfigureAwait(false);
        _launchedAt = _time.GetUtcNow();
        lock (_stateLock)
        {
            _connection = launched;
        }

        await ConnectAsync(provisioner, launched, cancellationToken).ConfigureAwait(false);
    }

    private async Task ConnectAsync(IKernelProvisioner provisioner, ConnectionInfo connection, CancellationToken cancellationToken)
    {
        var client = await KernelClient.ConnectAsync(_transport, connection, _options.ClientOptions, _loggerFactory, cancellationToken)
            .ConfigureAwait(false);
        lock (_stateLock)
        {
            _client = client;
        }

        var info = await WaitForReadyAsync(provisioner, client, cancellationToken).ConfigureAwait(false);
        lock (_stateLock)
        {
            _kernelInfo = info;
        }
    }

    // kernel_info_request until one is answered, the process exits (fail fast, with its exit code and output) or time runs
    // out. As in jupyter_client's wait_for_ready, a reply counts only once iopub has delivered something too: the
    // subscriber connects on its own and, if it joins late, the first execution's busy/idle would be lost.
    private async Task<KernelInfoReply> WaitForReadyAsync(IKernelProvisioner provisioner, KernelClient client, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.StartTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var iopubSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnIOPub(object? sender, JupyterMessage message) => iopubSeen.TrySetResult();
        client.IOPubReceived += OnIOPub;
        try
        {
            var exited = provisioner.WaitAsync(linked.Token);
            while (true)
            {
                var attempt = ReadyAttemptAsync(client, iopubSeen.Task, linked.Token);
                var first = await Task.WhenAny(attempt, exited).ConfigureAwait(false);
                if (first == exited || attempt.IsCanceled)
                {
                    await ((Task)attempt).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    cancellationToken.ThrowIfCancellationRequested();
                    throw StartFailure(provisioner, exited);
                }

                try
                {
                    return await attempt.ConfigureAwait(false);
                }
                catch (TimeoutException) when (!linked.IsCancellationRequested)
                {
                    // The kernel may not have bound its sockets yet, or iopub has not joined: ask again.
                }
            }
        }
        finally
        {
            client.IOPubReceived -= OnIOPub;
        }
    }

    private async Task<KernelInfoReply> ReadyAttemptAsync(KernelClient client, Task iopubSeen, CancellationToken cancellationToken)
    {
        var reply = await client.KernelInfoAsync(_options.KernelInfoRetryInterval, cancellationToken).ConfigureAwait(false);

        // Every kernel_info_request makes the kernel publish busy and idle on iopub, but a subscriber that joined after
        // those were sent never sees them. Asking again every 200 ms until iopub speaks (as jupyter_client's
        // wait_for_ready polls iopub) instead of waiting out the whole retry interval: under load the subscriber
        // often joins a moment late, and that wait was up to 2 s of every such kernel's start.
        var asked = _time.GetTimestamp();
        while (true)
        {
            try
            {
                await iopubSeen.WaitAsync(IOPubPollInterval, _time, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (TimeoutException) when (_time.GetElapsedTime(asked) < _options.KernelInfoRetryInterval)
            {
                reply = await client.KernelInfoAsync(_options.KernelInfoRetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        // Shell answered, but stdin reconnects on its own timer: an execution that asks for input before the kernel
        // has met the stdin socket would lose the question.
        if (!await client.WaitConnectedAsync(_options.KernelInfoRetryInterval, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"the stdin or control channel did not connect within {_options.KernelInfoRetryInterval}");
        }

        return reply;
    }

    private KernelStartException StartFailure(IKernelProvisioner provisioner, Task<int> exited)
    {
        if (exited.IsCompletedSuccessfully)
        {
            var code = exited.Result;
            return new KernelStartException(
                $"kernel {Spec.Name} ({KernelId}) exited with code {code} before answering kernel_info_request{TailSuffix(provisioner)}",
                code,
                provisioner.OutputTail);
        }

        return new KernelStartException(
            $"kernel {Spec.Name} ({KernelId}) did not answer kernel_info_request within {_options.StartTimeout.TotalSeconds:0.#} s" +
            TailSuffix(provisioner),
            null,
            provisioner.OutputTail);
    }

    private static string TailSuffix(IKernelProvisioner provisioner) =>
        provisioner.OutputTail is { Length: > 0 } tail ? $"; its last output:\n{tail}" : "; it wrote nothing";

    // jupyter_client's shutdown_kernel: interrupt, shutdown_request, wait, SIGTERM, wait, SIGKILL; then cleanup.
    private async Task StopKernelAsync(bool restart, bool now, CancellationToken cancellationToken)
    {
        var provisioner = _provisioner!;
        var client = Read(() => _client);
        Task? reply = null;
        if (await provisioner.PollAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            if (now)
            {
                await provisioner.KillAsync(restart, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (Spec.InterruptMode == KernelInterruptMode.Signal)
                {
                    // A kernel busy in user code may not get to the shutdown request until interrupted.
                    await provisioner.SignalAsync(UnixSignals.Interrupt, cancellationToken).ConfigureAwait(false);
                }

                reply = client?.ShutdownAsync(restart, provisioner.ShutdownWaitTime, cancellationToken);
                await FinishShutdownAsync(provisioner, restart, cancellationToken).ConfigureAwait(false);
            }
        }

        if (now || reply is null)
        {
            await WaitForExitAsync(provisioner, _options.KillWaitTime, cancellationToken).ConfigureAwait(false);
        }

        await DisposeClientAsync().ConfigureAwait(false);
        if (reply is not null)
        {
            // Answered or not, the process is gone; the reply's fate only matters for the log.
            await reply.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await provisioner.CleanupAsync(restart, cancellationToken).ConfigureAwait(false);
    }

    // finish_shutdown: half the wait time for a clean exit, half after SIGTERM, then SIGKILL.
    private async Task FinishShutdownAsync(IKernelProvisioner provisioner, bool restart, CancellationToken cancellationToken)
    {
        var half = provisioner.ShutdownWaitTime / 2;
        if (await WaitForExitAsync(provisioner, half, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await provisioner.TerminateAsync(restart, cancellationToken).ConfigureAwait(false);
        if (await WaitForExitAsync(provisioner, half, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await provisioner.KillAsync(restart, cancellationToken).ConfigureAwait(false);
        if (!await WaitForExitAsync(provisioner, _options.KillWaitTime, cancellationToken).ConfigureAwait(false))
        {
            KernelManagerLog.NotReaped(_logger, KernelId, _options.KillWaitTime);
        }
    }

    private async Task<bool> WaitForExitAsync(IKernelProvisioner provisioner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await provisioner.WaitAsync(cancellationToken).WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task DisposeClientAsync()
    {
        KernelClient? client;
        lock (_stateLock)
        {
            (client, _client) = (_client, null);
        }

        if (client is not null)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }
}
