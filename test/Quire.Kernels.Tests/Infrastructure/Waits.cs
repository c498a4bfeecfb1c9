namespace Quire.Kernels.Tests.Infrastructure;

/// <summary>Awaits with a deadline whose failure says what was expected.</summary>
internal static class Waits
{
    public static readonly TimeSpan KernelTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> Within<T>(this Task<T> task, TimeSpan timeout, string expectation)
    {
        try
        {
            return await task.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{expectation} (timed out after {timeout.TotalSeconds:0.#} s)");
            throw;
        }
    }

    public static async Task Within(this Task task, TimeSpan timeout, string expectation)
    {
        try
        {
            await task.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{expectation} (timed out after {timeout.TotalSeconds:0.#} s)");
        }
    }
}
