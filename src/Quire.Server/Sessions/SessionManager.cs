using Microsoft.Extensions.Logging;
using Quire.Server.Http;
using Quire.Server.Kernels;
using Quire.Server.Kernels.Outputs;
using Quire.Server.Metrics;

namespace Quire.Server.Sessions;

/// <summary>
/// jupyter_server's SessionManager, in memory: a session binds a path to a kernel; creating one for a path that has
/// one returns the existing session; deleting one shuts its kernel down; a session whose kernel is gone (shut down,
/// culled) ends with it. Notebook sessions also tell their kernel which notebook its cells belong to, so that outputs
/// are recorded against it.
/// </summary>
internal sealed partial class SessionManager
{
    private readonly Lock _lock = new();
    private readonly List<SessionRecord> _sessions = [];
    private readonly Dictionary<string, Task<SessionRecord>> _creating = new(StringComparer.Ordinal);
    private readonly KernelRegistry _kernels;
    private readonly NotebookOutputStore _outputs;
    private readonly ILogger<SessionManager> _logger;
    private readonly ServerMetrics? _metrics;

    public SessionManager(KernelRegistry kernels, NotebookOutputStore outputs, ILogger<SessionManager> logger, ServerMetrics? metrics = null)
    {
        _kernels = kernels;
        _outputs = outputs;
        _logger = logger;
        _metrics = metrics;
        kernels.KernelRemoved += OnKernelRemoved;
    }

    public IReadOnlyList<SessionRecord> List()
    {
        lock (_lock)
        {
            return [.. _sessions];
        }
    }

    /// <exception cref="ApiException">404: no such session.</exception>
    public SessionRecord Get(string sessionId)
    {
        lock (_lock)
        {
            return _sessions.Find(s => s.Id == sessionId) ?? throw ApiException.NotFound($"Session not found: session_id='{sessionId}'");
        }
    }

    /// <summary>
    /// PATCH: a new path, name or type, and a kernel by id (which must exist) or by name (a new kernel replaces the old,
    /// which is shut down).
    /// </summary>
    /// <exception cref="ApiException">404: no such session; 400: no such kernel id.</exception>
    /// <exception cref="SessionKernelUnavailableException">The named kernel could not be started.</exception>
    public async Task<SessionRecord> UpdateAsync(
        string sessionId, string? path, string? name, bool setName, string? type, string? kernelId, string? kernelName, CancellationToken cancellationToken)
    {
        var before = Get(sessionId);
        var newKernelId = before.KernelId;
        if (kernelId is not null)
        {
            if (!_kernels.TryGet(kernelId, out _))
            {
                throw ApiException.BadRequest($"No such kernel: {kernelId}");
            }

            newKernelId = kernelId;
        }
        else if (kernelName is not null)
        {
            try
            {
                newKernelId = (await StartKernelAsync(before.Path, before.Name, kernelName, null, cancellationToken).ConfigureAwait(false)).Id;
            }
            catch (Exception ex) when (ex is NoSuchKernelSpecException or ApiException)
            {
                LogKernelStartFailed(_logger, kernelName);
                throw new SessionKernelUnavailableException(
                    $"The '{kernelName}' kernel could not be started: '{ex.Message}'", $"Error starting kernel {kernelName}");
            }
        }

        SessionRecord after;
        lock (_lock)
        {
            var index = _sessions.FindIndex(s => s.Id == sessionId);
            if (index < 0)
            {
                throw ApiException.NotFound($"Session not found: session_id='{sessionId}'");
            }

            after = _sessions[index] with
            {
                Path = path ?? before.Path,
                Name = setName ? name : before.Name,
                Type = type ?? before.Type,
                KernelId = newKernelId,
            };
            _sessions[index] = after;
        }

        if (after.Path != before.Path)
        {
            _outputs.Move(before.Path, after.Path);
        }

        BindNotebooks(before.KernelId);
        BindNotebooks(after.KernelId);
        if (after.KernelId != before.KernelId && _kernels.TryGet(before.KernelId, out _))
        {
            await _kernels.ShutdownAsync(before.KernelId, cancellationToken).ConfigureAwait(false);
        }

        return Get(sessionId);
    }

    /// <summary>Deletes the session and shuts its kernel down; the notebook's recorded outputs go with it.</summary>
    /// <exception cref="ApiException">404: no such session.</exception>
    public async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = Get(sessionId);

        // Removed first, so that the kernel's removal below finds no session left to end on its own.
        Remove(session.Id);
        if (_kernels.TryGet(session.KernelId, out _))
        {
            try
            {
                await _kernels.ShutdownAsync(session.KernelId, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.StatusCode == 404)
            {
                // Gone meanwhile (a concurrent delete or the culler): the session is gone all the same.
            }
        }
    }

    private void OnKernelRemoved(string kernelId)
    {
        List<SessionRecord> ended;
        lock (_lock)
        {
            ended = _sessions.FindAll(s => s.KernelId == kernelId);
        }

        foreach (var session in ended)
        {
            LogKernelGone(_logger, session.Id, kernelId);
            Remove(session.Id, forgetOutputs: false);
        }
    }

    private void Remove(string sessionId, bool forgetOutputs = true)
    {
        SessionRecord? removed;
        bool pathStillOpen;
        lock (_lock)
        {
            removed = _sessions.Find(s => s.Id == sessionId);
            if (removed is null)
            {
                return;
            }

            _sessions.Remove(removed);
            pathStillOpen = _sessions.Exists(s => s.Path == removed.Path);
        }

        _metrics?.SessionClosed();
        BindNotebooks(removed.KernelId);

        // A kernel that went away on its own (culled, shut down) leaves the outputs: the user may not have seen them yet.
        if (forgetOutputs && !pathStillOpen)
        {
            _outputs.Forget(removed.Path);
        }
    }

    private void BindNotebooks(string kernelId)
    {
        if (!_kernels.TryGet(kernelId, out var kernel))
        {
            return;
        }

        lock (_lock)
        {
            kernel.NotebookPaths = [.. _sessions.Where(s => s.KernelId == kernelId && s.IsNotebook).Select(s => NotebookOutputStore.Normalize(s.Path)).Distinct()];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} created on kernel {KernelId}")]
    private static partial void LogCreated(ILogger logger, string sessionId, string kernelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} ended: its kernel {KernelId} is gone (culled or shut down)")]
    private static partial void LogKernelGone(ILogger logger, string sessionId, string kernelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Error starting kernel: {KernelName}")]
    private static partial void LogKernelStartFailed(ILogger logger, string kernelName);
}
