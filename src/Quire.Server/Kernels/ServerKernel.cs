using System.Collections.Frozen;
using System.Text.Json;
using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Management;
using Quire.Messaging.Protocol;
using Quire.Server.Api;
using Quire.Server.Http;
using Quire.Server.Kernels.Channels;
using Quire.Server.Metrics;

namespace Quire.Server.Kernels;

/// <summary>
/// A running kernel as the server sees it: its manager and channel hub, and what <c>/api/kernels</c> reports about it
/// (<c>execution_state</c> from iopub status messages, <c>last_activity</c>, <c>connections</c>), tracked as
/// jupyter_server 2.x does: only user activity counts, so the server's own kernel_info requests neither keep a kernel
/// from being culled nor show it busy.
/// </summary>
internal sealed class ServerKernel
{
    /// <summary>jupyter_server's default <c>untracked_message_types</c>.</summary>
    private static readonly FrozenSet<string> Untracked = FrozenSet.Create(
        StringComparer.Ordinal,
        "comm_info_request", "comm_info_reply", "kernel_info_request", "kernel_info_reply", "shutdown_request", "shutdown_reply",
        "interrupt_request", "interrupt_reply", "debug_request", "debug_reply", "stream", "display_data", "update_display_data",
        "execute_input", "execute_result", "error", "status", "clear_output", "debug_event", "input_request", "input_reply");

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ServerActivity _activity;
    private readonly ServerMetrics? _metrics;
    private string _state = KernelStates.Starting;
    private string? _reason;
    private DateTimeOffset _lastActivity;
    private string[] _notebooks = [];
    private KernelChannelsHub? _hub;

    public ServerKernel(KernelManager manager, TimeProvider time, ServerActivity activity, ServerMetrics? metrics)
    {
        Manager = manager;
        _time = time;
        _activity = activity;
        _metrics = metrics;
        _lastActivity = time.GetUtcNow();
        metrics?.KernelStateChanged(null, _state);
    }

    /// <summary>Raised after <see cref="ExecutionState"/> changed, with the new state.</summary>
    public event Action<string>? StateChanged;

    public string Id => Manager.KernelId;

    /// <summary>The kernelspec name.</summary>
    public string Name => Manager.Spec.Name;

    public KernelSpec Spec => Manager.Spec;

    public KernelManager Manager { get; }

    public KernelChannelsHub Hub
    {
        get => Volatile.Read(ref _hub) ?? throw new InvalidOperationException($"kernel {Id} has no channel hub yet");
        set => Volatile.Write(ref _hub, value);
    }

    public int Connections => Volatile.Read(ref _hub)?.ConnectionCount ?? 0;

    /// <summary>Set while a restart asked for through the API runs, so that it is not mistaken for a death.</summary>
    public bool RestartRequested { get; set; }

    public string ExecutionState
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public DateTimeOffset LastActivity
    {
        get
        {
            lock (_lock)
            {
                return _lastActivity;
            }
        }
    }

    /// <summary>The notebooks whose sessions use this kernel; executions of their cells are recorded against them.</summary>
    public IReadOnlyList<string> NotebookPaths
    {
        get => Volatile.Read(ref _notebooks);
        set => Volatile.Write(ref _notebooks, [.. value]);
    }

    /// <summary>Sets the state (and the reason for a failure, which the model then shows).</summary>
    public void SetState(string state, string? reason = null)
    {
        string previous;
        lock (_lock)
        {
            previous = _state;
            _state = state;
            _reason = reason;
        }

        if (previous != state)
        {
            _metrics?.KernelStateChanged(previous, state);
            StateChanged?.Invoke(state);
        }
    }

    /// <summary>The kernel stopped being counted (shut down).</summary>
    public void Forget() => _metrics?.KernelStateChanged(ExecutionState, null);

    /// <summary>Tracks activity and state from one iopub message; <paramref name="status"/> is a status's execution_state.</summary>
    public void OnIOPub(JupyterMessage message, string? status)
    {
        var parentType = message.ParentHeader?.MsgType;
        var parentTracked = parentType is null || !Untracked.Contains(parentType);
        var now = _time.GetUtcNow();
        var active = false;
        string? changed = null;
        string previous;
        lock (_lock)
        {
            previous = _state;
            if (!Untracked.Contains(message.MsgType) || parentTracked || _state == KernelStates.Busy)
            {
                _lastActivity = now;
                active = true;
            }

            if (status is not null && _state is not (KernelStates.Dead or KernelStates.Restarting))
            {
                if (parentTracked)
                {
                    changed = status;
                }
                else if (_state == KernelStates.Starting && status != KernelStates.Starting)
                {
                    // A reply to the server's own nudge says the kernel is up; it stays "idle" until a user asks it something.
                    changed = KernelStates.Idle;
                }

                if (changed is not null)
                {
                    _state = changed;
                }
            }
        }

        if (active)
        {
            _activity.KernelActivity(now);
        }

        if (changed is not null && changed != previous)
        {
            _metrics?.KernelStateChanged(previous, changed);
            StateChanged?.Invoke(changed);
        }
    }

    /// <summary>Counts as user activity (a start, a restart, an interrupt), as jupyter_server's kernel actions do.</summary>
    public void Touch()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _lastActivity = now;
        }

        _activity.KernelActivity(now);
    }

    /// <summary>jupyter_server's kernel model: id, name, last_activity, execution_state, connections (and reason).</summary>
    public void WriteModel(Utf8JsonWriter writer)
    {
        string state;
        string? reason;
        DateTimeOffset lastActivity;
        lock (_lock)
        {
            (state, reason, lastActivity) = (_state, _reason, _lastActivity);
        }

        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("name", Name);
        writer.WriteString("last_activity", JupyterTimestamp.Iso(lastActivity));
        writer.WriteString("execution_state", state);
        writer.WriteNumber("connections", Connections);
        if (!string.IsNullOrEmpty(reason))
        {
            writer.WriteString("reason", reason);
        }

        writer.WriteEndObject();
    }
}
