using Quire.Kernels.KernelSpecs;

namespace Quire.Kernels.Provisioning;

/// <summary>Settings of <see cref="LocalProcessProvisioner"/>; check them with <see cref="Validate"/>.</summary>
public sealed record LocalProvisionerOptions
{
    /// <summary>Where connection files are written; Jupyter's runtime directory when null (see <see cref="ResolveRuntimeDirectory"/>).</summary>
    public string? RuntimeDirectory { get; init; }

    /// <summary>Substituted for <c>{prefix}</c> in argv (jupyter_client's <c>sys.prefix</c>).</summary>
    public string? PythonPrefix { get; init; } = JupyterPaths.DefaultPythonPrefix();

    /// <summary>
    /// Start each kernel in a session (and process group) of its own, as jupyter_client's <c>start_new_session</c>
    /// does, so that SIGINT and SIGTERM reach the kernel's children too. .NET cannot call <c>setsid</c> between fork
    /// and exec, so the kernel is started through <see cref="SetsidPath"/>, which (not being a group leader) calls
    /// <c>setsid()</c> and execs the kernel under the same pid.
    /// </summary>
    public bool NewProcessGroup { get; init; } = true;

    public string SetsidPath { get; init; } = "/usr/bin/setsid";

    public TimeSpan ShutdownWaitTime { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan StableStartTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many lines of the kernel's stdout and stderr are kept for error messages.</summary>
    public int OutputTailLines { get; init; } = 100;

    /// <summary>How often a reattached kernel (one this process did not start) is checked for exit.</summary>
    public TimeSpan ReattachedPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public string ResolveRuntimeDirectory() =>
        RuntimeDirectory ?? JupyterPaths.RuntimeDir(Environment.GetEnvironmentVariable, JupyterPaths.HomeDirectory());

    /// <summary>One line per invalid setting; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        OptionChecks.Positive(errors, "LocalProvisionerOptions.ShutdownWaitTime", ShutdownWaitTime);
        OptionChecks.Positive(errors, "LocalProvisionerOptions.StableStartTime", StableStartTime);
        OptionChecks.Positive(errors, "LocalProvisionerOptions.ReattachedPollInterval", ReattachedPollInterval);
        OptionChecks.AtLeast(errors, "LocalProvisionerOptions.OutputTailLines", OutputTailLines, 1);
        if (RuntimeDirectory is { Length: 0 })
        {
            errors.Add("LocalProvisionerOptions.RuntimeDirectory must not be empty (leave it null for Jupyter's runtime directory)");
        }

        return errors;
    }
}
