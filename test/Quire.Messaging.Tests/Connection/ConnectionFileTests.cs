using Quire.Messaging.Connection;
using Quire.Messaging.Protocol;

namespace Quire.Messaging.Tests.Connection;

public sealed class ConnectionFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quire-conn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WriteThenRead_RoundTrips_AndIsOwnerOnly()
    {
        var info = ConnectionFile.Create("python3");
        var path = Path.Combine(_dir, "kernel-1.json");

        await ConnectionFile.WriteAsync(path, info, TestContext.Current.CancellationToken);
        var read = await ConnectionFile.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(info, read);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Write_OverAnOpenFile_TightensItsMode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only");
            return;
        }

        var path = Path.Combine(_dir, "kernel-2.json");
        await File.WriteAllTextAsync(path, "{}", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await ConnectionFile.WriteAsync(path, ConnectionFile.Create(), TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{}")]
    [InlineData("""{"shell_port": "five"}""")]
    [InlineData("[]")]
    public async Task Read_BadFile_IsInvalidDataNamingTheFile(string text)
    {
        var path = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ConnectionFile.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_JupyterClientFile_KeepsEveryField()
    {
        var path = Path.Combine(_dir, "jc.json");
        await File.WriteAllTextAsync(
            path,
            """{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "python3"}""",
            TestContext.Current.CancellationToken);

        var info = await ConnectionFile.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal((1, 2, 3, 4, 5), (info.ShellPort, info.IOPubPort, info.StdinPort, info.ControlPort, info.HeartbeatPort));
        Assert.Equal(("k", "python3", "tcp://127.0.0.1:5"), (info.Key, info.KernelName, info.Endpoint(KernelChannel.Heartbeat)));
    }

    [Fact]
    public void Create_GivesFiveDistinctPortsAnd64HexKey()
    {
        var info = ConnectionFile.Create();

        int[] ports = [info.ShellPort, info.IOPubPort, info.StdinPort, info.ControlPort, info.HeartbeatPort];
        Assert.Equal(5, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 1, 65535));
        Assert.Matches("^[0-9a-f]{64}$", info.Key);
        Assert.NotEqual(info.Key, ConnectionFile.Create().Key);
    }

    [Fact]
    public void Create_Ipc_NamesSocketsByPrefixAndNumber()
    {
        var info = ConnectionFile.Create(transport: "ipc");

        Assert.Equal($"ipc://{info.Ip}-1", info.Endpoint(KernelChannel.Shell));
    }
}
