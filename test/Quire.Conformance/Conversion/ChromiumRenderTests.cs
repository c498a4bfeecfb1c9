using AngleSharp.Html.Parser;
using Quire.Conversion;
using Quire.Notebook.Format;

namespace Quire.Conformance.Conversion;

/// <summary>
/// Quire's HTML in Debian's headless Chromium: it renders as a notebook, and no script from an untrusted output runs
/// (each would change the title or add an element if it did). A control page proves that scripts do run in this
/// Chromium, so a pass is not an artefact of a browser that runs none. A screenshot is kept in the test output folder.
/// </summary>
public sealed class ChromiumRenderTests : IDisposable
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(180);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quire-chromium-" + Guid.NewGuid().ToString("N")[..12]);

    public ChromiumRenderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task QuireHtml_Renders_AndNoUntrustedScriptRuns()
    {
        ConversionTools.RequireChromium();
        var cancellationToken = TestContext.Current.CancellationToken;
        var document = NotebookReader.Read(HostileNotebook.Json).Document;
        var htmlPath = Path.Combine(_dir, "hostile.html");
        await NotebookConverter.ConvertFileAsync(document, ConversionFormat.Html, htmlPath, new ConversionOptions(), cancellationToken);

        var control = Path.Combine(_dir, "control.html");
        await File.WriteAllTextAsync(control, "<html><head><title>before</title></head><body><img src=\"x\" onerror=\"document.title='RAN'\"></body></html>", cancellationToken);
        var controlDom = await DumpDomAsync(control, cancellationToken);
        Assert.True(controlDom.Contains("<title>RAN</title>", StringComparison.Ordinal), "the control page's onerror handler was expected to run in Chromium:\n" + controlDom);

        var dom = new HtmlParser().ParseDocument(await DumpDomAsync(htmlPath, cancellationToken));

        Assert.Equal("hostile", dom.Title);
        Assert.Null(dom.GetElementById("pwned"));
        Assert.Equal(5, dom.QuerySelectorAll(".jp-Cell").Length);
        Assert.Equal(4, dom.QuerySelectorAll(".jp-CodeCell .jp-InputPrompt").Length);
        Assert.Equal(8, dom.QuerySelectorAll(".jp-OutputArea-output").Length);
        Assert.NotNull(dom.QuerySelector(".jp-RenderedMarkdown table"));
        Assert.NotNull(dom.QuerySelector("img[src^='data:image/png;base64,']"));
        Assert.NotNull(dom.QuerySelector(".ansi-red-fg"));
        Assert.Empty(dom.QuerySelectorAll("script"));
        Assert.DoesNotContain("javascript:", dom.GetElementById("jslink")?.GetAttribute("href") ?? string.Empty, StringComparison.Ordinal);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "conversion-lab.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        var (exit, _, stderr) = await ConversionTools.RunAsync(ConversionTools.ChromiumPath, [.. BrowserArguments(), "--window-size=1200,1600", $"--screenshot={screenshot}", new Uri(htmlPath).AbsoluteUri], BrowserTimeout, cancellationToken);
        Assert.True(exit == 0 && File.Exists(screenshot), $"Chromium was expected to write a screenshot to {screenshot} (exit {exit}): {stderr}");
        var png = await File.ReadAllBytesAsync(screenshot, cancellationToken);
        Assert.True(png.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]), "the screenshot was expected to be a PNG");
    }

    private async Task<string> DumpDomAsync(string path, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await ConversionTools.RunAsync(ConversionTools.ChromiumPath, [.. BrowserArguments(), "--virtual-time-budget=3000", "--dump-dom", new Uri(path).AbsoluteUri], BrowserTimeout, cancellationToken);
        Assert.True(exit == 0 && stdout.Contains("<html", StringComparison.OrdinalIgnoreCase), $"Chromium --dump-dom of {path} was expected to print the DOM (exit {exit}): {stderr}");
        return stdout;
    }

    private string[] BrowserArguments() =>
        ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", $"--user-data-dir={Path.Combine(_dir, "profile")}"];
}
