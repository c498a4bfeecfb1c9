using Quire.Server.Hosting;

namespace Quire.Server.Tests.Hosting;

public sealed class QuireServerOptionsValidatorTests
{
    [Fact]
    public void Defaults_OverAnExistingDirectory_AreValid()
    {
        Assert.Empty(QuireServerOptionsValidator.Validate(new QuireServerOptions { RootDirectory = Path.GetTempPath() }));
    }

    [Fact]
    public void EveryBadSetting_IsNamed()
    {
        var errors = QuireServerOptionsValidator.Validate(new QuireServerOptions
        {
            RootDirectory = "/no/such/quire/root",
            Ip = "not an address",
            Port = 70000,
            BaseUrl = "lab",
            Token = string.Empty,
            MaxBodySize = 0,
        });

        Assert.Collection(
            errors,
            e => Assert.StartsWith("--root", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--ip", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--port", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--base-url", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--token", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--max-body-size", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RefusesInvalidOptions_NamingTheSetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => QuireServer.Build(new QuireServerOptions { RootDirectory = Path.GetTempPath(), Port = -1 }));
        Assert.Contains("--port", ex.Message, StringComparison.Ordinal);
    }
}
