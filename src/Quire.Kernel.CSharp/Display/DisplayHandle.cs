using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Display;

/// <summary>
/// An output published by <c>Display(...)</c>: <see cref="Update"/> replaces it in place (<c>update_display_data</c>
/// with the same display id), from this cell or a later one, as IPython's <c>DisplayHandle</c> does.
/// </summary>
public sealed class DisplayHandle
{
    private readonly CellContext _context;

    internal DisplayHandle(CellContext context, string displayId)
    {
        _context = context;
        DisplayId = displayId;
    }

    /// <summary>The <c>display_id</c> frontends know the output by.</summary>
    public string DisplayId { get; }

    /// <summary>Shows <paramref name="value"/> in place of what this display shows now.</summary>
    public void Update(object? value) => UpdateAsync(value).GetAwaiter().GetResult();

    public async Task UpdateAsync(object? value, CancellationToken cancellationToken = default)
    {
        var execution = _context.Current ?? throw new InvalidOperationException("no cell has run yet, so there is no display to update");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _context.CancellationToken);
        await CellContext.FlushStreamsAsync().ConfigureAwait(false);
        await execution.UpdateDisplayAsync(DisplayId, ValueFormatter.Format(value), cancellationToken: linked.Token).ConfigureAwait(false);
    }

    public override string ToString() => $"<display {DisplayId}>";
}
