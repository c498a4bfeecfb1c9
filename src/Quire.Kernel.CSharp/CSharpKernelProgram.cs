using Quire.Kernel.Hosting;
using Quire.Messaging.Connection;
using Quire.Messaging.ZeroMQ;

namespace Quire.Kernel.CSharp;

/// <summary>The kernel process: <c>-f CONNECTION_FILE</c>, as a kernelspec's argv passes it.</summary>
public static class CSharpKernelProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = Array.FindIndex(args, a => a is "-f" or "--connection-file");
        if (index < 0 || index + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("usage: Quire.Kernel.CSharp -f CONNECTION_FILE").ConfigureAwait(false);
            return 2;
        }

        var connection = await ConnectionFile.ReadAsync(args[index + 1]).ConfigureAwait(false);
        var channels = await new ZeroMqTransport().BindAsync(connection).ConfigureAwait(false);
        await using (channels.ConfigureAwait(false))
        {
            using var engine = new CSharpEngine();
            var host = new KernelHost(channels, engine);
            await host.RunAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
