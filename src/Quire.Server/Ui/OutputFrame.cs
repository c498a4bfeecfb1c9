using System.Text;
using Microsoft.AspNetCore.Http;

namespace Quire.Server.Ui;

/// <summary>
/// <c>GET /output-frame</c>: the page in which a trusted notebook's scripts run (HTML outputs with script, and
/// <c>application/javascript</c>). The app's own pages allow only the bundle's scripts, so a trusted output cannot run
/// there; here it can, boxed in: the policy's <c>sandbox allow-scripts</c> (with the iframe's own <c>sandbox</c>)
/// gives the frame an opaque origin, so its scripts can reach neither the app's DOM, cookies or storage nor, with
/// <c>connect-src 'none'</c>, the server's API. The page is the same for everyone and holds nothing, so it needs no
/// login. The output arrives by <c>postMessage</c> from the parent only; the frame posts its height back.
/// </summary>
internal static class OutputFrame
{
    public const string Route = "/output-frame";

    // Scripts may come inline, by eval (many widget libraries) or from https: (a CDN copy of plotly or bokeh, as in
    // Jupyter); nothing may be fetched, posted or framed.
    private const string Policy =
        "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' https: data: blob:; " +
        "style-src 'unsafe-inline' https: data:; img-src https: data: blob:; font-src https: data:; media-src data: blob:; " +
        "connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    // Scripts set by innerHTML never run: each is replaced by a new element (in order: async off) so that it does.
    // application/javascript gets `element`, the output's box, as in the classic notebook.
    private const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:transparent;font:14px system-ui,sans-serif;overflow:hidden}</style></head>
        <body><div id="output"></div><script>
        (() => {
          const output = document.getElementById('output');
          let shown = false;
          const report = () => parent.postMessage({ type: 'quire-output-height', height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
          new ResizeObserver(report).observe(document.documentElement);
          addEventListener('message', (event) => {
            if (event.source !== parent || shown || !event.data || event.data.type !== 'quire-output') return;
            shown = true;
            output.innerHTML = typeof event.data.html === 'string' ? event.data.html : '';
            for (const old of output.querySelectorAll('script')) {
              const script = document.createElement('script');
              for (const attribute of old.attributes) script.setAttribute(attribute.name, attribute.value);
              script.async = false;
              script.textContent = old.textContent;
              old.replaceWith(script);
            }
            if (typeof event.data.javascript === 'string') {
              try { new Function('element', event.data.javascript)(output); } catch (error) { console.error(error); }
            }
            report();
          });
        })();
        </script></body></html>
        """;

    private static readonly byte[] PageBytes = Encoding.UTF8.GetBytes(Page);

    public static async Task ServeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.CacheControl = "public, max-age=3600";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(PageBytes, context.RequestAborted).ConfigureAwait(false);
    }
}
