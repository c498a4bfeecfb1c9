using System.Runtime.CompilerServices;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// The cooperative interrupt that cells are compiled with: .NET cannot abort a thread, so every loop body and method
/// body of a cell starts with a call here (see <c>InterruptRewriter</c>). While no cell is interrupted a call costs
/// one volatile read; method entries also turn runaway recursion into an exception instead of a dead process.
/// </summary>
public static class Interrupt
{
    // Interrupted cells whose code may still run: only then is the (slower) ambient token worth reading.
    private static int _interrupted;

    /// <summary>Called at the top of every loop body: throws <see cref="OperationCanceledException"/> once the cell is interrupted.</summary>
    public static void Check()
    {
        if (Volatile.Read(ref _interrupted) != 0)
        {
            ThrowIfInterrupted();
        }
    }

    /// <summary>Called at the top of every method, accessor and lambda body: <see cref="Check"/>, and a stack guard.</summary>
    /// <exception cref="InsufficientExecutionStackException">The recursion is too deep to go on safely.</exception>
    public static void Enter()
    {
        if (Volatile.Read(ref _interrupted) != 0)
        {
            ThrowIfInterrupted();
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    /// <summary>Arms the checks for as long as the returned registration lives, once <paramref name="token"/> is cancelled.</summary>
    internal static IDisposable Watch(CancellationToken token) => new Watcher(token);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIfInterrupted() => AmbientCell.Flowing?.CancellationToken.ThrowIfCancellationRequested();

    private sealed class Watcher : IDisposable
    {
        private readonly CancellationTokenRegistration _registration;
        private int _state;

        public Watcher(CancellationToken token) =>
            _registration = token.Register(static w => ((Watcher)w!).Arm(), this);

        public void Dispose()
        {
            _registration.Dispose();
            if (Interlocked.Exchange(ref _state, 2) == 1)
            {
                Interlocked.Decrement(ref _interrupted);
            }
        }

        private void Arm()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                Interlocked.Increment(ref _interrupted);
            }
        }
    }
}
