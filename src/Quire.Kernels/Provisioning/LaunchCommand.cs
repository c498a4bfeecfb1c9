using System.Collections;
using System.Globalization;
using Quire.Kernels.KernelSpecs;

namespace Quire.Kernels.Provisioning;

/// <summary>The command line and environment of a local kernel, built as jupyter_client's <c>pre_launch</c> builds them.</summary>
internal static class LaunchCommand
{
    /// <summary><c>format_kernel_cmd</c>: <c>{connection_file}</c>, <c>{resource_dir}</c>, <c>{prefix}</c>; a leading <c>~</c> is the home directory.</summary>
    public static IReadOnlyList<string> Argv(KernelSpec spec, string connectionFile, string? pythonPrefix)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["connection_file"] = Path.GetFullPath(connectionFile),
            ["resource_dir"] = spec.ResourceDirectory,
        };
        if (pythonPrefix is not null)
        {
            values["prefix"] = pythonPrefix;
        }

        return [.. spec.Argv.Select(a => ExpandUser(SpecTemplates.SubstituteArgument(a, values)))];
    }

    /// <summary>
    /// This process's environment, then the request's variables, then the spec's <c>env</c> with <c>${VAR}</c> taken
    /// from the former two. A variable in the request overrides the spec's (a per-kernel choice beats an installed
    /// default; jupyter_client lets the spec win). <c>JPY_PARENT_PID</c> lets ipykernel exit when we die.
    /// </summary>
    public static Dictionary<string, string> Environment(KernelSpec spec, IReadOnlyDictionary<string, string>? requestEnv)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        foreach (var (name, value) in requestEnv ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var substituted = spec.Env
            .Where(v => requestEnv is null || !requestEnv.ContainsKey(v.Key))
            .Select(v => (v.Key, Value: SpecTemplates.SubstituteEnvironment(v.Value, env)))
            .ToList();
        foreach (var (name, value) in substituted)
        {
            env[name] = value;
        }

        if (spec.Language.StartsWith("python", StringComparison.OrdinalIgnoreCase))
        {
            // _finalize_env: an inherited PYTHONEXECUTABLE would make the kernel think it is another interpreter.
            env.Remove("PYTHONEXECUTABLE");
        }

        env["JPY_PARENT_PID"] = System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        return env;
    }

    private static string ExpandUser(string argument) =>
        argument == "~" || argument.StartsWith("~/", StringComparison.Ordinal)
            ? string.Concat(JupyterPaths.HomeDirectory(), argument.AsSpan(1))
            : argument;
}
