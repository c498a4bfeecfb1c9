using Quire.Server.Kernels;
using Quire.Server.KernelSpecs;

namespace Quire.Server.Tests.Kernels;

public sealed class KernelsOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid_WithJupyterServersValues()
    {
        var options = new KernelsOptions();

        Assert.Empty(KernelsOptionsValidator.Validate(options));
        Assert.Equal(TimeSpan.Zero, options.CullIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(300), options.CullInterval);
        Assert.Equal(1000, options.IOPubMsgRateLimit);
        Assert.Equal(1_000_000, options.IOPubDataRateLimit);
        Assert.Equal(TimeSpan.FromSeconds(3), options.RateLimitWindow);
        Assert.Equal(TimeSpan.FromSeconds(60), options.KernelInfoTimeout);
    }

    [Fact]
    public void EveryBadSetting_IsNamed()
    {
        var errors = KernelsOptionsValidator.Validate(new KernelsOptions
        {
            CullIdleTimeout = TimeSpan.FromSeconds(-1),
            CullInterval = TimeSpan.Zero,
            OfflineBufferMaxMessages = 0,
            OfflineBufferMaxBytes = 0,
            OfflineBufferMaxSessions = 0,
            IOPubMsgRateLimit = -1,
            IOPubDataRateLimit = double.NaN,
            RateLimitWindow = TimeSpan.Zero,
            KernelInfoTimeout = TimeSpan.Zero,
            MaxWebSocketMessageSize = 10,
            MaxMessageBuffers = -1,
            MaxQueuedBytesPerSocket = 1,
            RecordedOutputsMaxBytes = 0,
            KernelManager = new Quire.Kernels.Management.KernelManagerOptions { RestartLimit = -1 },
        });

        string[] settings =
        [
            "CullIdleTimeout", "CullInterval", "OfflineBufferMaxMessages", "OfflineBufferMaxBytes", "OfflineBufferMaxSessions", "IOPubMsgRateLimit",
            "IOPubDataRateLimit", "RateLimitWindow", "KernelInfoTimeout", "MaxWebSocketMessageSize", "MaxMessageBuffers", "MaxQueuedBytesPerSocket",
            "RecordedOutputsMaxBytes", "RestartLimit",
        ];
        Assert.Equal(settings.Length, errors.Count);
        foreach (var (setting, error) in settings.Zip(errors))
        {
            Assert.Contains($".{setting}", error, StringComparison.Ordinal);
            Assert.StartsWith("KernelsOptions.", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ServerWithBadKernelsOptions_DoesNotStart_AndSaysWhy()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            Infrastructure.KernelServer.StartAsync(k => k with { CullInterval = TimeSpan.Zero }));

        Assert.Contains("KernelsOptions.CullInterval", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KernelSpecsOptions_BadDefaultName_IsNamed()
    {
        var errors = KernelSpecsOptionsValidator.Validate(new KernelSpecsOptions { DefaultKernelName = "bad name", KernelDirectories = [""] });

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("KernelSpecsOptions.KernelDirectories", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("KernelSpecsOptions.DefaultKernelName", StringComparison.Ordinal));
    }
}
