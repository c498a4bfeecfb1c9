using Quire.Messaging.Connection;

namespace Quire.Messaging.Tests.Connection;

public sealed class KernelPortRangeTests
{
    [Theory]
    [InlineData("32768\t60999\n", 32768, 60999)]
    [InlineData("1024 65000", 1024, 65000)]
    public void Parse_LinuxFormat(string text, int low, int high) =>
        Assert.Equal((low, high), KernelPortRange.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("32768")]
    [InlineData("60999 32768")]
    [InlineData("a b")]
    public void Parse_Garbage_IsNull(string? text) => Assert.Null(KernelPortRange.Parse(text));

    [Fact]
    public void Linux_DefaultEphemeralRange_PortsBelowIt() =>
        Assert.Equal(new KernelPortRange(16384, 32767), KernelPortRange.FromEphemeral((32768, 60999)));

    [Fact]
    public void EphemeralFromLowPorts_PortsAboveIt() =>
        Assert.Equal(new KernelPortRange(50001, 65535), KernelPortRange.FromEphemeral((1024, 50000)));

    [Fact]
    public void EphemeralEverywhere_NoRange() => Assert.Null(KernelPortRange.FromEphemeral((1024, 65535)));

    [Fact]
    public void Create_HandsOutDistinctPortsOutsideTheEphemeralRange()
    {
        // The kernel's ports must never be ones a connect() may pick as its source port (a self-connect would take
        // the port before the kernel binds it: "Address already in use").
        var range = KernelPortRange.ForThisMachine;
        if (range is null)
        {
            Assert.Skip("no ephemeral port range to avoid on this OS (Linux's /proc/sys/net/ipv4/ip_local_port_range)");
            return;
        }

        var ports = Enumerable.Range(0, 40)
            .Select(_ => ConnectionFile.Create("test"))
            .SelectMany(c => new[] { c.ShellPort, c.IOPubPort, c.StdinPort, c.ControlPort, c.HeartbeatPort })
            .ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, range.Value.Low, range.Value.High));
    }
}
