using Quire.Server.Kernels;

namespace Quire.Server.Sessions;

/// <summary>Creating a session: one per path, its kernel started in the notebook's directory.</summary>
internal sealed partial class SessionManager
{
    /// <summary>
    /// The session of <paramref name="path"/>, or a new one with a kernel: an existing <paramref name="kernelId"/>, else
    /// a new kernel of <paramref name="kernelName"/> (the default when null), at <paramref name="kernelId"/> when given.
    /// </summary>
    /// <exception cref="SessionKernelUnavailableException">No kernelspec has that name.</exception>
    public async Task<SessionRecord> GetOrCreateAsync(
        string path, string? name, string type, string? kernelName, string? kernelId, CancellationToken cancellationToken)
    {
        Task<SessionRecord> creation;
        lock (_lock)
        {
            if (_sessions.Find(s => s.Path == path) is { } existing)
            {
                return existing;
            }

            // Two clients opening the same notebook at once get one session (and one kernel) between them. The start
            // is not the first client's to cancel: a page reloaded while its kernel starts would take the second
            // page's kernel with it (as jupyter_server, a started kernel stays; idle culling is what ends it).
            if (!_creating.TryGetValue(path, out creation!))
            {
                creation = CreateAsync(path, name, type, kernelName, kernelId, _kernels.Stopping);
                _creating[path] = creation;
                _ = creation.ContinueWith(done => Forget(path, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        return await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // When the creation ends (the session is listed by then, or it failed), not when a caller stops waiting for it.
    private void Forget(string path, Task<SessionRecord> creation)
    {
        lock (_lock)
        {
            if (_creating.TryGetValue(path, out var current) && current == creation)
            {
                _creating.Remove(path);
            }
        }
    }

    private async Task<SessionRecord> CreateAsync(
        string path, string? name, string type, string? kernelName, string? kernelId, CancellationToken cancellationToken)
    {
        // Let the caller's lock go before the (slow) kernel start.
        await Task.Yield();
        string id;
        if (kernelId is not null && _kernels.TryGet(kernelId, out var existing))
        {
            id = existing.Id;
        }
        else
        {
            try
            {
                id = (await StartKernelAsync(path, name, kernelName, kernelId, cancellationToken).ConfigureAwait(false)).Id;
            }
            catch (NoSuchKernelSpecException ex)
            {
                throw new SessionKernelUnavailableException(
                    $"The '{ex.KernelName}' kernel is not available. Please pick another suitable kernel instead, or install that kernel.",
                    $"{ex.KernelName} not found");
            }
        }

        var session = new SessionRecord(Guid.NewGuid().ToString(), path, name, type, id);
        lock (_lock)
        {
            _sessions.Add(session);
        }

        _metrics?.SessionOpened();
        BindNotebooks(id);
        LogCreated(_logger, session.Id, id);
        return session;
    }

    // As jupyter_server: the kernel starts in the notebook's directory, with JPY_SESSION_NAME naming the notebook.
    private Task<ServerKernel> StartKernelAsync(string path, string? name, string? kernelName, string? kernelId, CancellationToken cancellationToken)
    {
        var sessionName = name is null ? path : Path.Combine(_kernels.WorkingDirectoryFor(path), name);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["JPY_SESSION_NAME"] = sessionName };
        return _kernels.StartAsync(kernelName, path, kernelId, environment, cancellationToken);
    }
}
