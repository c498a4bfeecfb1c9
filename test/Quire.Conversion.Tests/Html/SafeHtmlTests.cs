using Quire.Conversion.Html;

namespace Quire.Conversion.Tests.Html;

public sealed class SafeHtmlTests
{
    [Theory]
    [InlineData("<table border=\"1\" class=\"dataframe\">\n<tr style=\"text-align: right;\"><td>1</td></tr></table>")]
    [InlineData("<h2>Step</h2>\n<p>Some <em>notes</em>, see <a href=\"https://example.org/1\">the docs</a>.</p>")]
    [InlineData("<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"x\" /> &lt;tag&gt; &amp;</p>")]
    [InlineData("<a href=\"#section\">s</a><a href=\"sub/page.html\">r</a>")]
    public void PlainMarkup_NeedsNoSanitizer(string html) => Assert.True(SafeHtml.IsSafe(html), html);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=\"x\" onerror=\"alert(1)\">")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"\u0001javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"java\tscript:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>")]
    [InlineData("<div style=\"background: url(https://evil/)\">x</div>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=\"alert(1)\"></svg>")]
    [InlineData("<!-- c --><p>x</p>")]
    [InlineData("<p title='x' onclick='y'>x</p>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<p>x</p><style>body{}</style>")]
    [InlineData("<p/onclick=\"alert(1)\">x</p>")]
    public void AnythingElse_GoesToTheSanitizer(string html) => Assert.False(SafeHtml.IsSafe(html), html);
}
