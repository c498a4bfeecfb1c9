using System.Collections.Concurrent;
using System.Diagnostics;

namespace Quire.Conformance.Infrastructure;

/// <summary>
/// The system Python (Debian's <c>/usr/bin/python3</c> and its <c>python3-*</c> packages) that conformance tests
/// compare Quire with. Where it or a module is missing, a test is skipped on a developer's machine and fails on CI
/// (<c>CI=true</c>), so that a CI image without it cannot pass silently.
/// </summary>
public static class PythonEnvironment
{
    /// <summary>The interpreter: Debian's, not whichever python3 comes first on PATH (pyenv, venvs).</summary>
    public const string InterpreterPath = "/usr/bin/python3";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);
    private static readonly ConcurrentDictionary<string, string?> ModuleProblems = new(StringComparer.Ordinal);

    /// <summary>True when the environment variable <c>CI</c> is <c>true</c>.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal);

    /// <summary>True when <see cref="InterpreterPath"/> exists.</summary>
    public static bool HasInterpreter => File.Exists(InterpreterPath);

    /// <summary>True when <c>import <paramref name="module"/></c> succeeds in <see cref="InterpreterPath"/>.</summary>
    public static bool HasModule(string module) => HasInterpreter && ProbeModule(module) is null;

    /// <summary>
    /// Skips the calling test (<see cref="Assert.Skip(string)"/>) when the interpreter or one of
    /// <paramref name="modules"/> is missing, or fails it when running on CI.
    /// </summary>
    public static void RequireModules(params string[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        string? problem = null;
        if (!HasInterpreter)
        {
            problem = $"{InterpreterPath} was not found";
        }
        else
        {
            var missing = modules.Select(m => ProbeModule(m) is { } reason ? $"{m} ({reason})" : null).OfType<string>().ToList();
            if (missing.Count > 0)
            {
                problem = $"{InterpreterPath} cannot import {string.Join(", ", missing)}";
            }
        }

        if (problem is null)
        {
            return;
        }

        var needed = $"this test needs {InterpreterPath} with the modules {string.Join(", ", modules)} (Debian: apt-get install python3 " +
            string.Join(" ", modules.Select(m => $"python3-{m}")) + ")";
        if (IsCi)
        {
            Assert.Fail($"{problem}: {needed}. On CI (CI=true) a missing reference implementation is a failure, not a skip.");
        }

        Assert.Skip($"{problem}: {needed}.");
    }

    /// <summary>
    /// Runs <c>/usr/bin/python3 <paramref name="scriptPath"/> <paramref name="arguments"/></c> and returns its exit code
    /// and output. Throws <see cref="TimeoutException"/> when it runs past <paramref name="timeout"/> (default 5 minutes).
    /// <paramref name="environment"/> adds variables to (or overrides them in) the inherited environment.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(
        string scriptPath,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(scriptPath);
        ArgumentNullException.ThrowIfNull(arguments);
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        var command = $"{InterpreterPath} {scriptPath} {string.Join(" ", arguments)}";
        var expectation = $"`{Shorten(command)}` did not exit within {limit.TotalSeconds:0} s; it was expected to finish and print its results";
        return await RunAsync([scriptPath, .. arguments], limit, expectation, cancellationToken, environment).ConfigureAwait(false);
    }

    private static string? ProbeModule(string module) => ModuleProblems.GetOrAdd(module, static m =>
    {
        try
        {
            var expectation = $"`{InterpreterPath} -c \"import {m}\"` did not exit within {ProbeTimeout.TotalSeconds:0} s; an import was expected to take a moment";
            var (exitCode, _, stderr) = RunAsync(["-c", $"import {m}"], ProbeTimeout, expectation, CancellationToken.None).GetAwaiter().GetResult();
            return exitCode == 0 ? null : LastLine(stderr);
        }
        catch (Exception ex) when (ex is TimeoutException or System.ComponentModel.Win32Exception or IOException)
        {
            return ex.Message;
        }
    });

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string timeoutMessage,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(InterpreterPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PYTHONIOENCODING"] = "utf-8";
        startInfo.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>(StringComparer.Ordinal))
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{InterpreterPath} did not start");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(timeoutMessage);
        }
    }

    private static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "import failed" : lines[^1];
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 199), "…");
}
