using System.Text;
using System.Text.Json;

namespace Quire.Conformance.Server;

/// <summary>
/// What one client scenario (<c>client/*.mjs</c>) printed as its last line: the names of the checks that passed, the
/// checks that failed with their reasons, and a fatal error if the scenario could not finish.
/// </summary>
internal sealed record ScenarioReport(string Scenario, IReadOnlyList<string> Passed, IReadOnlyList<FailedCheck> Failed, string? Fatal)
{
    /// <summary>The prefix of the report line, which follows whatever else the scenario printed.</summary>
    public const string LinePrefix = "{\"scenario\"";

    /// <summary>The last report line in <paramref name="stdout"/>, or null when there is none.</summary>
    public static ScenarioReport? FromOutput(string stdout)
    {
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith(LinePrefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var passed = root.GetProperty("passed").EnumerateArray().Select(p => p.GetString()!).ToList();
        var failed = root.GetProperty("failed").EnumerateArray()
            .Select(f => new FailedCheck(f.GetProperty("name").GetString()!, f.GetProperty("reason").GetString() ?? ""))
            .ToList();
        var fatal = root.GetProperty("fatal") is { ValueKind: JsonValueKind.String } f ? f.GetString() : null;
        return new ScenarioReport(root.GetProperty("scenario").GetString()!, passed, failed, fatal);
    }

    /// <summary>Every check, one a line, failures with their reasons.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append($"scenario {Scenario}: {Passed.Count} passed, {Failed.Count} failed\n");
        foreach (var check in Failed)
        {
            text.Append($"  FAIL {check.Name}: {check.Reason}\n");
        }

        foreach (var check in Passed)
        {
            text.Append($"  ok   {check}\n");
        }

        if (Fatal is not null)
        {
            text.Append($"  FATAL {Fatal}\n");
        }

        return text.ToString();
    }
}

/// <summary>A check the scenario reported as failed, and why.</summary>
internal sealed record FailedCheck(string Name, string Reason);
