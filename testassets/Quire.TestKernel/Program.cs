using Quire.Kernel.Hosting;
using Quire.Messaging.Connection;
using Quire.Messaging.ZeroMQ;
using Quire.TestKernel;

// Usage: Quire.TestKernel -f CONNECTION_FILE   (as a kernelspec's argv runs it)
var index = Array.FindIndex(args, a => a is "-f" or "--connection-file");
if (index < 0 || index + 1 >= args.Length)
{
    await Console.Error.WriteLineAsync("usage: Quire.TestKernel -f CONNECTION_FILE");
    return 2;
}

var connection = await ConnectionFile.ReadAsync(args[index + 1]);
var transport = new ZeroMqTransport();
await using var channels = await transport.BindAsync(connection);
var host = new KernelHost(channels, new TestEngine());
await host.RunAsync();
return 0;
