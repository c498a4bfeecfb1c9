using Microsoft.CodeAnalysis.CSharp;
using Quire.Messaging.Protocol.Content;

namespace Quire.Kernel.CSharp.Tests;

public sealed class EngineRequestTests
{
    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("1 + 1", "complete")]
    [InlineData("for (var i = 0; i < 3; i++) {", "incomplete")]
    [InlineData("int F(int a) =>", "incomplete")]
    [InlineData(")", "invalid")]
    [InlineData("var = ;", "invalid")]
    public async Task IsComplete_TellsCompleteIncompleteAndInvalidApart(string code, string expected)
    {
        using var engine = new CSharpEngine();

        var reply = await engine.IsCompleteAsync(new IsCompleteRequest { Code = code }, TestContext.Current.CancellationToken);

        Assert.Equal(expected, reply.Status);
    }

    [Fact]
    public void KernelInfo_LanguageVersion_IsRoslynsLatest()
    {
        using var engine = new CSharpEngine();

        Assert.Equal(LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(), engine.KernelInfo.LanguageInfo.Version);
        Assert.Equal("csharp", engine.KernelInfo.LanguageInfo.Name);
        Assert.Equal(".csx", engine.KernelInfo.LanguageInfo.FileExtension);
    }
}
