namespace Quire.Web.Tests.Infrastructure;

/// <summary>A missing component (Chromium, node, the built UI) skips a test locally and fails it on CI (<c>CI=true</c>).</summary>
internal static class Requirement
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.Ordinal);

    public static void Satisfy(string? problem, string remedy)
    {
        if (problem is null)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{problem}: {remedy}. On CI (CI=true) a missing component is a failure, not a skip.");
        }

        Assert.Skip($"{problem}: {remedy}.");
    }
}
