using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace Quire.Messaging.Connection;

/// <summary>Creates, writes and reads connection files. Files are owner-only (0600): the key in them lets anyone run code.</summary>
public static class ConnectionFile
{
    // Random draws from the kernel port range before falling back to the OS's choice (a range that is mostly taken).
    private const int MaxPortTries = 256;

    private static readonly RecentPortSet RecentPorts = new(capacity: 4096);

    /// <summary>A new connection on free loopback ports (tcp) or fresh socket paths (ipc), with a 256-bit random key.</summary>
    public static ConnectionInfo Create(string kernelName = "", string transport = "tcp", string ip = "127.0.0.1")
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (transport == "ipc")
        {
            // jupyter_client's convention: "ip" is a path prefix and the "port" numbers tell the sockets apart.
            var prefix = Path.Combine(Path.GetTempPath(), $"quire-{Guid.NewGuid():N}"[..24]);
            return new ConnectionInfo
            {
                Transport = "ipc", Ip = prefix, ShellPort = 1, IOPubPort = 2, StdinPort = 3, ControlPort = 4, HeartbeatPort = 5,
                Key = key, KernelName = kernelName,
            };
        }

        var ports = FreePorts(ip, 5);
        return new ConnectionInfo
        {
            Transport = "tcp", Ip = ip, ShellPort = ports[0], IOPubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3],
            HeartbeatPort = ports[4], Key = key, KernelName = kernelName,
        };
    }

    public static async Task WriteAsync(string path, ConnectionInfo info, CancellationToken cancellationToken = default)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(path, options);
        await using (stream.ConfigureAwait(false))
        {
            if (!OperatingSystem.IsWindows())
            {
                // An existing file keeps its mode on open: tighten it explicitly.
                File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await JsonSerializer.SerializeAsync(stream, info, ConnectionJsonContext.Default.ConnectionInfo, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <exception cref="InvalidDataException">The file is not a connection file.</exception>
    public static async Task<ConnectionInfo> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var info = await JsonSerializer.DeserializeAsync(stream, ConnectionJsonContext.Default.ConnectionInfo, cancellationToken).ConfigureAwait(false);
                if (info is null || info.ShellPort <= 0 || info.IOPubPort <= 0 || info.StdinPort <= 0 || info.ControlPort <= 0 || info.HeartbeatPort <= 0)
                {
                    throw new InvalidDataException($"{path}: not a kernel connection file (ports missing)");
                }

                return info;
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: not a kernel connection file: {ex.Message}", ex);
            }
        }
    }

    private static int[] FreePorts(string ip, int count)
    {
        var address = IPAddress.Parse(ip);
        var listeners = new List<TcpListener>();
        try
        {
            var ports = new List<int>(count);
            var range = KernelPortRange.ForThisMachine;
            var tries = 0;
            while (ports.Count < count)
            {
                // Outside the ephemeral range while it has room (see KernelPortRange); the OS's choice otherwise, or
                // when that range looks crowded.
                var candidate = range is { } r && tries++ < MaxPortTries ? r.Low + Random.Shared.Next(r.Size) : 0;
                if (candidate != 0 && !IsFreshPort(candidate))
                {
                    continue;
                }

                if (TryListen(address, candidate) is not { } listener)
                {
                    continue;
                }

                listeners.Add(listener);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;

                // A port is free only until someone binds it: kernels starting at the same time could be handed the
                // same one between our release and their bind. Never hand out a port twice within a while (as
                // jupyter_client's LocalPortCache does).
                if (candidate != 0 || RecentPorts.TryAdd(port))
                {
                    ports.Add(port);
                }
            }

            return [.. ports];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    private static bool IsFreshPort(int port) => RecentPorts.TryAdd(port);

    private static TcpListener? TryListen(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException) when (port != 0)
        {
            // Someone listens there: draw another.
            listener.Stop();
            return null;
        }
    }
}
