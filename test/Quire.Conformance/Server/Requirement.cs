using Quire.Conformance.Infrastructure;

namespace Quire.Conformance.Server;

/// <summary>
/// A component the server conformance tests need (Node.js, the npm client, Debian's jupyter-server, a built quire):
/// where one is missing the test is skipped on a developer's machine and fails on CI (<c>CI=true</c>), as with
/// <see cref="PythonEnvironment.RequireModules"/>.
/// </summary>
internal static class Requirement
{
    /// <summary>Returns when <paramref name="problem"/> is null; otherwise skips the test, or fails it on CI.</summary>
    public static void Satisfy(string? problem, string remedy)
    {
        if (problem is null)
        {
            return;
        }

        if (PythonEnvironment.IsCi)
        {
            Assert.Fail($"{problem}: {remedy}. On CI (CI=true) a missing component is a failure, not a skip.");
        }

        Assert.Skip($"{problem}: {remedy}.");
    }
}
