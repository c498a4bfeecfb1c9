using Quire.Kernel.CSharp.Display;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.CSharp.Runtime;

/// <summary>Rich output, as <c>IPython.display</c> offers it: display, update, clear, and values to display.</summary>
public sealed partial class CSharpKernelGlobals
{
    /// <summary>HTML formatters for types and the row limit of tables: <c>Formatters.Register&lt;Point&gt;(p =&gt; ...)</c>.</summary>
    public static FormatterRegistry Formatters => FormatterRegistry.Shared;

    /// <summary>Publishes <paramref name="value"/> now (<c>display_data</c>), formatted as a cell's result would be.</summary>
    /// <returns>A handle whose <see cref="DisplayHandle.Update"/> replaces this output in place.</returns>
    public DisplayHandle Display(object? value) => DisplayAsync(value).GetAwaiter().GetResult();

    public async Task<DisplayHandle> DisplayAsync(object? value, CancellationToken cancellationToken = default)
    {
        var execution = RunningCell();
        var handle = new DisplayHandle(Context, Guid.NewGuid().ToString("N"));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Context.CancellationToken);

        // What the cell printed before displaying comes before the display, as it does in a terminal.
        await CellContext.FlushStreamsAsync().ConfigureAwait(false);
        await execution.DisplayAsync(ValueFormatter.Format(value), displayId: handle.DisplayId, cancellationToken: linked.Token).ConfigureAwait(false);
        return handle;
    }

    /// <summary>Clears the cell's outputs; with <paramref name="wait"/>, only once the next output arrives (no flicker).</summary>
    public void ClearOutput(bool wait = false)
    {
        var execution = RunningCell();
        CellContext.FlushStreamsAsync().GetAwaiter().GetResult();
        execution.ClearOutputAsync(wait, Context.CancellationToken).AsTask().GetAwaiter().GetResult();
    }

    public static HtmlContent Html(string html) => new(html ?? throw new ArgumentNullException(nameof(html)));

    public static MarkdownContent Markdown(string markdown) => new(markdown ?? throw new ArgumentNullException(nameof(markdown)));

    public static SvgContent Svg(string svg) => new(svg ?? throw new ArgumentNullException(nameof(svg)));

    public static LatexContent Latex(string latex) => new(latex ?? throw new ArgumentNullException(nameof(latex)));

    /// <summary>A JSON tree: from JSON text, a <see cref="System.Text.Json.JsonElement"/> or any serializable object.</summary>
    public static JsonContent Json(object? value) => JsonContent.From(value);

    /// <summary>A PNG or JPEG image from its bytes (the format is read from the first bytes).</summary>
    public static ImageContent Image(byte[] bytes) => ImageContent.FromBytes(bytes);

    /// <summary>A PNG or JPEG image from a file; a relative path is relative to the kernel's working directory.</summary>
    public static ImageContent Image(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // Synchronous on purpose: cells build images inline (Display(Image("plot.png"))), as IPython's Image(filename=...) does.
        var full = Path.GetFullPath(path);
        return ImageContent.FromBytes(File.ReadAllBytes(full), full);
    }

    private KernelExecution RunningCell() =>
        Context.Current ?? throw new InvalidOperationException("Display and ClearOutput need a running cell");
}
