using NetMQ;
using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;
using Quire.Messaging.Transport;

namespace Quire.Messaging.ZeroMQ.Tests;

/// <summary>A kernel side and a client side over the same connection file, both ZeroMQ.</summary>
internal sealed class Pair : IAsyncDisposable
{
    private Pair(ConnectionInfo info, IKernelChannels kernel, IClientChannels client)
    {
        Info = info;
        Kernel = kernel;
        Client = client;
    }

    public ConnectionInfo Info { get; }

    public IKernelChannels Kernel { get; }

    public IClientChannels Client { get; }

    public MessageSession KernelSession { get; } = new();

    public MessageSession ClientSession { get; } = new();

    public static async Task<Pair> OpenAsync(string transportName = "tcp", ZeroMqTransportOptions? options = null)
    {
        var transport = new ZeroMqTransport(options: options);
        for (var attempt = 1; ; attempt++)
        {
            var info = ConnectionFile.Create("test", transportName);
            try
            {
                var kernel = await transport.BindAsync(info, TestContext.Current.CancellationToken);
                var client = await transport.ConnectAsync(info, TestContext.Current.CancellationToken);
                return new Pair(info, kernel, client);
            }
            catch (AddressAlreadyInUseException) when (attempt < 5)
            {
                // Free ports are only free when picked, and NetMQ's ipc lands on a port hashed from the path, which
                // can be one this busy test run already uses: pick again.
            }
        }
    }

    /// <summary>Waits until the client's iopub subscription reaches the kernel's publisher.</summary>
    public Task SubscribedAsync() => Probe.UntilReceivedAsync(
        () => Kernel.SendAsync(KernelChannel.IOPub, KernelSession.CreateRaw(Probe.MsgType, "{}"u8.ToArray()), TestContext.Current.CancellationToken),
        Client.Reader(KernelChannel.IOPub));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Kernel.DisposeAsync();
    }
}
