using Jint;
using Jint.Runtime;

namespace Quire.Conversion.Html.Tex;

/// <summary>
/// TeX to MathML with KaTeX (the vendored <c>katex.min.js</c>) in Jint, for exported HTML: browsers typeset MathML
/// themselves, so the page needs no script and no fonts. KaTeX runs with <c>trust: false</c> (no <c>\href</c>,
/// <c>\url</c>, <c>\htmlClass</c>…), its macro-expansion limit and a time limit per formula; a formula it cannot parse
/// comes back as its source in KaTeX's error colour, never as an exception. One engine per process, made on the first
/// formula (a notebook without math never pays for it) and used under a lock: a Jint engine is single-threaded.
/// </summary>
internal static class KatexMath
{
    private static readonly TimeSpan PerFormula = TimeSpan.FromSeconds(5);
    private static readonly Lock Gate = new();
    private static readonly Lazy<Engine?> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The MathML for <paramref name="tex"/>, or null when KaTeX could not be loaded or gave up on it.</summary>
    public static string? ToMathMl(string tex, bool display)
    {
        if (Shared.Value is not { } engine)
        {
            return null;
        }

        lock (Gate)
        {
            try
            {
                return engine.Invoke("quireMathMl", tex, display).AsString();
            }
            catch (Exception ex) when (ex is JavaScriptException or TimeoutException or RecursionDepthOverflowException or MemoryLimitExceededException or StatementsCountOverflowException)
            {
                return null;
            }
        }
    }

    private static Engine? Create()
    {
        using var stream = typeof(KatexMath).Assembly.GetManifestResourceStream("Quire.Conversion.katex.min.js");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var engine = new Engine(options => options
            .TimeoutInterval(PerFormula)
            .LimitRecursion(2000)
            .LimitMemory(256L * 1024 * 1024));
        engine.Execute(reader.ReadToEnd());
        engine.Execute("""
            function quireMathMl(tex, display) {
              return katex.renderToString(tex, { displayMode: display, output: 'mathml', throwOnError: false, trust: false, strict: 'ignore' });
            }
            """);
        return engine;
    }
}
