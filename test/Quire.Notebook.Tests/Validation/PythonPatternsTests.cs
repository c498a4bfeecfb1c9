using Quire.Notebook.Validation;

namespace Quire.Notebook.Tests.Validation;

public sealed class PythonPatternsTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json\n", true)]
    [InlineData("application/+json", true)]
    [InlineData("application/vnd.jupyter.widget-view+json", true)]
    [InlineData("application/a+json\n", true)]
    [InlineData("application/json\n\n", false)]
    [InlineData("application/xjson", false)]
    [InlineData("application/a\n+json", false)]
    [InlineData("text/json", false)]
    [InlineData("xapplication/json", false)]
    public void IsJsonMime_MatchesPythonSearch(string key, bool expected) => Assert.Equal(expected, PythonPatterns.IsJsonMime(key));

    [Theory]
    [InlineData("", true)]
    [InlineData("a.b", true)]
    [InlineData("a\n", true)]
    [InlineData("a\nb", false)]
    [InlineData("\n\n", false)]
    public void IsSingleLine_MatchesPythonDotStarDollar(string key, bool expected) => Assert.Equal(expected, PythonPatterns.IsSingleLine(key));
}
