using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quire.Web.Tests.Infrastructure;

/// <summary>What a scenario script reports: the checks that passed, those that failed (with why), or a fatal error.</summary>
internal sealed record ScenarioReport(
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("passed")] IReadOnlyList<string> Passed,
    [property: JsonPropertyName("failed")] IReadOnlyList<FailedCheck> Failed,
    [property: JsonPropertyName("fatal")] string? Fatal)
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { PropertyNameCaseInsensitive = true };

    [JsonIgnore]
    public string Artifacts { get; init; } = string.Empty;

    [JsonIgnore]
    public string Stderr { get; init; } = string.Empty;

    [JsonIgnore]
    public string ServerOutput { get; init; } = string.Empty;

    /// <summary>Fails the test with every failed check, the script's stderr and the server's last lines.</summary>
    public void AssertAllPassed(params string[] expectedChecks)
    {
        var problems = Failed.Select(f => $"  ✗ {f.Name}: {f.Reason}").ToList();
        if (Fatal is not null)
        {
            problems.Add($"  fatal: {Fatal}");
        }

        problems.AddRange(expectedChecks.Where(c => !Passed.Contains(c)).Where(c => !Failed.Any(f => f.Name == c)).Select(c => $"  ✗ {c}: never ran"));
        Assert.True(
            problems.Count == 0,
            $"scenario {Scenario}: {Passed.Count} checks passed, expected all to pass:\n{string.Join('\n', problems)}\n" +
            $"script stderr:\n{Stderr}\nserver output:\n{ServerOutput}\nscreenshots: {Artifacts}");
        Assert.NotEmpty(Passed);
    }
}

internal sealed record FailedCheck(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("reason")] string Reason);
