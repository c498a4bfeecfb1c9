using Quire.Kernels.KernelSpecs;

namespace Quire.Kernels.Tests.KernelSpecs;

public sealed class JupyterPathsTests
{
    private const string Home = "/home/ada";

    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void KernelDirectories_FollowJupyterPathOrder()
    {
        var options = KernelSpecFinderOptions.FromEnvironment(
            Env(("JUPYTER_PATH", "/p1:/p2/"), ("JUPYTER_DATA_DIR", "/data")), Home, "/opt/conda");

        Assert.Equal(
            [
                "/p1/kernels", "/p2/kernels", "/data/kernels", "/home/ada/.local/share/jupyter/kernels", "/opt/conda/share/jupyter/kernels",
                "/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels", "/home/ada/.ipython/kernels",
            ],
            options.KernelDirectories);
    }

    [Fact]
    public void JupyterPath_XdgDataHome_SystemPrefixNotRepeated_UserSiteMerged()
    {
        var paths = JupyterPaths.JupyterPath(Env(("XDG_DATA_HOME", "/xdg")), Home, "/usr");

        Assert.Equal(["/xdg/jupyter", "/home/ada/.local/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"], paths);
        Assert.Equal(
            ["/home/ada/.local/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"],
            JupyterPaths.JupyterPath(Env(("PYTHONUSERBASE", "/home/ada/.local")), Home, "/usr"));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("OFF", false)]
    [InlineData("0", false)]
    public void JupyterPath_PreferEnvPath_PutsThePrefixBeforeTheUser(string value, bool envFirst)
    {
        var paths = JupyterPaths.JupyterPath(Env(("JUPYTER_PREFER_ENV_PATH", value), ("PYTHONNOUSERSITE", "1")), Home, "/venv");

        var expected = envFirst
            ? new[] { "/venv/share/jupyter", "/home/ada/.local/share/jupyter" }
            : ["/home/ada/.local/share/jupyter", "/venv/share/jupyter"];
        Assert.Equal(expected, paths.Take(2));
    }

    [Fact]
    public void RuntimeDir_PrefersJupyterRuntimeDir_ElseDataDirRuntime()
    {
        Assert.Equal("/run/j", JupyterPaths.RuntimeDir(Env(("JUPYTER_RUNTIME_DIR", "/run/j")), Home));
        Assert.Equal("/data/runtime", JupyterPaths.RuntimeDir(Env(("JUPYTER_DATA_DIR", "/data"), ("XDG_RUNTIME_DIR", "/run/user/1")), Home));
        Assert.Equal("/home/ada/.local/share/jupyter/runtime", JupyterPaths.RuntimeDir(Env(), Home));
    }
}
