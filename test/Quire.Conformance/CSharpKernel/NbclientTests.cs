using System.Text.Json;
using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.CSharpKernel;

/// <summary>Debian's nbclient runs a C# notebook (python/csharp_nbclient.py) with the kernelspec <c>quire kernel install</c> wrote.</summary>
public sealed class NbclientTests(InstalledCSharpKernel kernel) : IClassFixture<InstalledCSharpKernel>
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "python", "csharp_nbclient.py");

    [Fact]
    public async Task ACSharpNotebook_RunsWithTheExpectedOutputs()
    {
        PythonEnvironment.RequireModules("nbformat", "nbclient");
        var environment = await kernel.EnvironmentAsync(TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await PythonEnvironment.RunScriptAsync(Script, [], TestContext.Current.CancellationToken, TimeSpan.FromMinutes(3), environment);

        Assert.True(exitCode == 0, $"nbclient was expected to run every cell without an error.\nstderr:\n{stderr}\nstdout:\n{stdout}");
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith("{\"language\"", StringComparison.Ordinal));
        Assert.True(line is not null, $"csharp_nbclient.py printed no report.\nstdout:\n{stdout}\nstderr:\n{stderr}");
        using var report = JsonDocument.Parse(line);
        var cells = report.RootElement.GetProperty("cells").EnumerateArray().ToList();
        var details = report.RootElement.GetRawText();

        Assert.Equal("csharp", report.RootElement.GetProperty("language").GetString());
        Assert.Equal([1, 2, 3, 4, 5, 6], cells.Select(c => c.GetProperty("execution_count").GetInt32()));
        Assert.True(Outputs(cells[0]).Count == 0 && Outputs(cells[1]).Count == 0, $"declarations were expected to print nothing: {details}");
        Assert.Equal("hello, 49\n", Stream(cells[2], "stdout"));
        var result = Assert.Single(Outputs(cells[3]));
        Assert.Equal("execute_result", result.GetProperty("output_type").GetString());
        Assert.Equal("41", result.GetProperty("data").GetProperty("text/plain").GetString());
        var display = Assert.Single(Outputs(cells[4]));
        Assert.Equal("display_data", display.GetProperty("output_type").GetString());
        Assert.Equal("<b>bold</b>", display.GetProperty("data").GetProperty("text/html").GetString());
        Assert.Equal("warned\n", Stream(cells[5], "stderr"));
    }

    private static List<JsonElement> Outputs(JsonElement cell) => [.. cell.GetProperty("outputs").EnumerateArray()];

    private static string Stream(JsonElement cell, string name) =>
        string.Concat(Outputs(cell)
            .Where(o => o.GetProperty("output_type").GetString() == "stream" && o.GetProperty("name").GetString() == name)
            .Select(o => o.GetProperty("text").GetString()));
}
