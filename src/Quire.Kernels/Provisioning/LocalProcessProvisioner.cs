using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quire.Messaging.Connection;

namespace Quire.Kernels.Provisioning;

/// <summary>
/// Runs a kernel as a child process of this one (jupyter_client's <c>LocalProvisioner</c>): writes the connection
/// file (0600) in the runtime directory, starts argv in a process group of its own, keeps the tail of its output,
/// signals the group with libc <c>kill</c>, and reaps the process. After a server restart a new instance reattaches
/// by pid (<see cref="LoadStateAsync"/>), checking the pid still names the same process by its start time.
/// </summary>
public sealed partial class LocalProcessProvisioner : IKernelProvisioner
{
    public const string ProvisionerName = "local-provisioner";

    private readonly LocalProvisionerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private OutputRingLog _output;
    private Process? _process;
    private Task _pumps = Task.CompletedTask;
    private Task<int>? _exit;
    private bool _hasProcess;
    private int? _pid;
    private int? _pgid;
    private long? _startTicks;
    private DateTimeOffset? _startedAt;
    private string? _kernelId;
    private string? _connectionFile;
    private ConnectionInfo? _connection;

    public LocalProcessProvisioner(LocalProvisionerOptions? options = null, ILogger<LocalProcessProvisioner>? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new LocalProvisionerOptions();
        OptionChecks.ThrowIfAny(_options.Validate(), nameof(options));
        _logger = logger ?? NullLogger<LocalProcessProvisioner>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _output = new OutputRingLog(_options.OutputTailLines);
    }

    public async Task<ConnectionInfo> LaunchAsync(KernelLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        if (HasProcess && await PollAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"kernel {request.KernelId} is still running; stop it before launching it again");
        }

        var spec = request.Spec;
        var connection = request.Connection ?? ConnectionFile.Create(spec.Name);
        if (connection.KernelName.Length == 0)
        {
            connection = connection with { KernelName = spec.Name };
        }

        var runtimeDir = _options.ResolveRuntimeDirectory();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(runtimeDir);
        }
        else
        {
            // Connection files hold keys: a new runtime directory is owner-only, as jupyter_core makes it.
            Directory.CreateDirectory(runtimeDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var connectionFile = Path.Combine(runtimeDir, $"kernel-{request.KernelId}.json");
        await ConnectionFile.WriteAsync(connectionFile, connection, cancellationToken).ConfigureAwait(false);

        var argv = LaunchCommand.Argv(spec, connectionFile, _options.PythonPrefix);
        var newGroup = _options.NewProcessGroup && NativeMethods.IsSupported && File.Exists(_options.SetsidPath);
        if (_options.NewProcessGroup && !newGroup)
        {
            LocalProvisionerLog.NoSetsid(_logger, _options.SetsidPath, request.KernelId);
        }

        var startInfo = new ProcessStartInfo(newGroup ? _options.SetsidPath : argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in newGroup ? argv : argv.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in LaunchCommand.Environment(spec, request.Env))
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"cannot run kernel {spec.Name} ({argv[0]}): {ex.Message}", ex);
        }

        // Like jupyter_client's launcher: the kernel has no use for our stdin.
        process.StandardInput.Close();
        var output = new OutputRingLog(_options.OutputTailLines);
        var pumps = Task.WhenAll(
            output.PumpAsync(process.StandardOutput, _disposed.Token),
            output.PumpAsync(process.StandardError, _disposed.Token));
        var pid = process.Id;
        lock (_lock)
        {
            _process = process;
            _output = output;
            _pumps = pumps;
            _hasProcess = true;
            _pid = pid;
            _pgid = newGroup ? pid : null;
            _startTicks = ProcStat.Read(pid)?.StartTicks;
            _startedAt = _time.GetUtcNow();
            _kernelId = request.KernelId;
            _connectionFile = connectionFile;
            _connection = connection;
            _exit = WatchOwnedAsync(process, pumps, request.KernelId);
        }

        LocalProvisionerLog.Launched(_logger, request.KernelId, spec.Name, pid);
        return connection;
    }

    public Task<int?> PollAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_exit is null)
            {
                return Task.FromResult<int?>(-1);
            }

            if (_exit.IsCompletedSuccessfully)
            {
                return Task.FromResult<int?>(_exit.Result);
            }

            if (_process is { } process)
            {
                return Task.FromResult(process.HasExited ? process.ExitCode : (int?)null);
            }

            return Task.FromResult(IsSameProcessAlive(_pid, _startTicks) ? null : (int?)-1);
        }
    }

    public async Task<int> WaitAsync(CancellationToken cancellationToken = default)
    {
        Task<int>? exit;
        lock (_lock)
        {
            exit = _exit;
        }

        return exit is null ? -1 : await exit.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> WatchOwnedAsync(Process process, Task pumps, string kernelId)
    {
        await process.WaitForExitAsync(_disposed.Token).ConfigureAwait(false);
        try
        {
            // Output written just before exit is still in the pipe; a grandchild holding the pipe must not stall us.
            await pumps.WaitAsync(TimeSpan.FromSeconds(2), _time, _disposed.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        var exitCode = process.ExitCode;
        MarkExited(process.Id, kernelId, exitCode);
        return exitCode;
    }

    private void MarkExited(int pid, string kernelId, int exitCode)
    {
        lock (_lock)
        {
            if (_pid == pid)
            {
                _hasProcess = false;
            }
        }

        LocalProvisionerLog.Exited(_logger, kernelId, pid, exitCode);
    }

    private static bool IsSameProcessAlive(int? pid, long? startTicks) =>
        pid is { } p && ProcStat.Read(p) is { IsZombie: false } stat && (startTicks is null || stat.StartTicks == startTicks);
}
