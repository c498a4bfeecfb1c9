namespace Quire.Server.Tests.Infrastructure;

/// <summary>Waits on an event with a limit; a timeout fails with what was expected.</summary>
internal static class Within
{
    /// <summary>Patience for a kernel to do something small (start, answer, run a short cell) on a loaded CI machine.</summary>
    public static readonly TimeSpan Kernel = TimeSpan.FromSeconds(60);

    public static async Task<T> Async<T>(Task<T> task, TimeSpan timeout, string expectation)
    {
        try
        {
            return await task.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"within {timeout.TotalSeconds:0} s: {expectation}", ex);
        }
    }

    public static async Task Async(Task task, TimeSpan timeout, string expectation)
    {
        try
        {
            await task.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw new TimeoutException($"within {timeout.TotalSeconds:0} s: {expectation}", ex);
        }
    }
}
