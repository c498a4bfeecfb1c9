using Quire.Messaging.Connection;

namespace Quire.Kernels.Provisioning;

/// <summary>What the provisioner knows about its kernel, read under its lock.</summary>
public sealed partial class LocalProcessProvisioner
{
    public string Name => ProvisionerName;

    public bool HasProcess
    {
        get
        {
            lock (_lock)
            {
                return _hasProcess;
            }
        }
    }

    public ConnectionInfo? Connection
    {
        get
        {
            lock (_lock)
            {
                return _connection;
            }
        }
    }

    /// <summary>The connection file of the current (or last) kernel.</summary>
    public string? ConnectionFilePath
    {
        get
        {
            lock (_lock)
            {
                return _connectionFile;
            }
        }
    }

    /// <summary>The kernel's pid (also its process group id when started in a group of its own).</summary>
    public int? ProcessId
    {
        get
        {
            lock (_lock)
            {
                return _pid;
            }
        }
    }

    public TimeSpan ShutdownWaitTime => _options.ShutdownWaitTime;

    public TimeSpan StableStartTime => _options.StableStartTime;

    public string OutputTail => _output.Tail();
}
