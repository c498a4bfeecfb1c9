using Quire.Kernel.CSharp.Tests.Infrastructure;

namespace Quire.Kernel.CSharp.Tests.Execution;

public sealed class InputTests
{
    [Fact]
    public async Task ConsoleReadLine_AsksTheFrontend()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("Console.Write(\"Name? \");\nvar name = Console.ReadLine();\n$\"hello {name}\"", allowStdin: true, inputs: ["Ada"]);

        Assert.Equal(["hello Ada"], result.Results);
        Assert.Equal("Name? ", result.Streams("stdout"));
        Assert.Single(result.InputRequests);
    }

    [Fact]
    public async Task Input_SendsThePromptAndPasswordFlag()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("Input(\"Password: \", password: true).Length", allowStdin: true, inputs: ["secret"]);

        Assert.Equal(["6"], result.Results);
        var request = Assert.Single(result.InputRequests);
        Assert.Equal("Password: ", request.Prompt);
        Assert.True(request.Password);
    }

    [Theory]
    [InlineData("Console.ReadLine()")]
    [InlineData("Input(\"x\")")]
    public async Task WithoutStdin_InputFailsClearly(string code)
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync(code, allowStdin: false);
        var after = await kernel.ExecuteAsync("1 + 1");

        Assert.Equal("StdinNotImplementedError", result.Reply.Ename);
        Assert.Equal(["2"], after.Results);
    }

    [Fact]
    public async Task TopLevelAwait_Works()
    {
        await using var kernel = await CSharpKernelHarness.StartAsync();

        var result = await kernel.ExecuteAsync("await Task.Delay(1);\nawait Task.FromResult(5)");

        Assert.Equal(["5"], result.Results);
    }
}
