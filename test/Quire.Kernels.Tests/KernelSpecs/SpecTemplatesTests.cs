using Quire.Kernels.KernelSpecs;
using Quire.Kernels.Provisioning;
using Quire.Kernels.Tests.Infrastructure;

namespace Quire.Kernels.Tests.KernelSpecs;

public sealed class SpecTemplatesTests
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal) { ["HOME"] = "/home/ada", ["X_1"] = "x" };

    [Theory]
    [InlineData("${HOME}/lib", "/home/ada/lib")]
    [InlineData("$HOME/lib:$X_1", "/home/ada/lib:x")]
    [InlineData("$$HOME", "$HOME")]
    [InlineData("${MISSING}:$MISSING", "${MISSING}:$MISSING")]
    [InlineData("cost: $5 and $", "cost: $5 and $")]
    [InlineData("no dollars", "no dollars")]
    public void SubstituteEnvironment_IsPythonSafeSubstitute(string value, string expected) =>
        Assert.Equal(expected, SpecTemplates.SubstituteEnvironment(value, Variables));

    [Fact]
    public void Argv_SubstitutesConnectionFileResourceDirAndPrefix_LeavesUnknown()
    {
        var spec = new KernelSpec
        {
            Name = "t",
            ResourceDirectory = "/res/t",
            Argv = ["{prefix}/bin/python", "-f", "{connection_file}", "--logo={resource_dir}/logo.png", "{unknown}"],
        };

        var argv = LaunchCommand.Argv(spec, "/run/kernel-1.json", "/usr");

        Assert.Equal(["/usr/bin/python", "-f", "/run/kernel-1.json", "--logo=/res/t/logo.png", "{unknown}"], argv);
    }

    [Fact]
    public void Environment_RequestOverridesSpec_SpecValuesSubstituted_ParentPidSet()
    {
        var spec = SpecFiles.Shell("true") with
        {
            Language = "python",
            Env = new Dictionary<string, string>(StringComparer.Ordinal) { ["FROM_SPEC"] = "${QUIRE_REQ}/spec", ["BOTH"] = "spec" },
        };
        var request = new Dictionary<string, string>(StringComparer.Ordinal) { ["QUIRE_REQ"] = "/req", ["BOTH"] = "request", ["PYTHONEXECUTABLE"] = "x" };

        var env = LaunchCommand.Environment(spec, request);

        Assert.Equal("/req/spec", env["FROM_SPEC"]);
        Assert.Equal("request", env["BOTH"]);
        Assert.False(env.ContainsKey("PYTHONEXECUTABLE"));
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), env["JPY_PARENT_PID"]);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), env["PATH"]);
    }
}
