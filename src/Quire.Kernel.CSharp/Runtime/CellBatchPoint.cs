using System.ComponentModel;
using Quire.Kernel.CSharp.Execution;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>
/// Calls that the kernel writes between the cells of a batch (cells queued together compiled as one submission, see
/// <c>CellBatch</c>); not for user code. Public only because the batch's submission must be able to call them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellBatchPoint
{
    /// <summary>A cell of batch <paramref name="batch"/> ended; returns when the next cell's turn has come.</summary>
    public static void Next(long batch) => CellBatch.Live(batch)?.Next();

    /// <summary>The value a cell of batch <paramref name="batch"/> ends with (its trailing expression).</summary>
    public static void Value<T>(long batch, T value) => CellBatch.Live(batch)?.SetValue(value);

    /// <summary>The type of a variable of a batch's cell that never ran: hidden behind one, unusable, left out of <c>%who</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class NotRun
    {
        private NotRun()
        {
        }
    }
}
