using System.Text.Json;
using Quire.Kernel.CSharp.Display;
using Quire.Kernel.CSharp.Execution;

namespace Quire.Kernel.CSharp.Tests.Display;

public sealed class ValueFormatterTests
{
    [Theory]
    [InlineData(null, "null")]
    [InlineData("hello", "hello")]
    [InlineData(true, "true")]
    [InlineData(42, "42")]
    [InlineData(1.5, "1.5")]
    public void Scalars_AreTextOnly(object? value, string expected)
    {
        var bundle = Format(value);

        Assert.Equal(["text/plain"], bundle.Keys);
        Assert.Equal(expected, bundle["text/plain"].GetString());
    }

    [Fact]
    public void ScalarSequence_IsAnIndexValueTable_AndAListAsText()
    {
        var bundle = Format(new List<int> { 1, 2, 3 });

        var html = bundle["text/html"].GetString()!;
        Assert.Contains("<th>index</th><th>value</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2</td><td>3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("(3 rows)", html, StringComparison.Ordinal);
        Assert.Equal("[1, 2, 3]", bundle["text/plain"].GetString());
    }

    [Fact]
    public void Records_HaveOneColumnPerProperty()
    {
        var bundle = Format(new[] { new Point(1, 2), new Point(3, 4) });

        var html = bundle["text/html"].GetString()!;
        Assert.Contains("<th>X</th><th>Y</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>3</td><td>4</td></tr>", html, StringComparison.Ordinal);
        var text = bundle["text/plain"].GetString()!;
        Assert.StartsWith("X  Y", text, StringComparison.Ordinal);
        Assert.Contains("3  4", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnonymousObject_IsAOneRowTable_AndReadsInlineAsText()
    {
        var bundle = Format(new { Name = "Ada", Year = 1815 });

        Assert.Contains("<th>Name</th><th>Year</th>", bundle["text/html"].GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("rows)", bundle["text/html"].GetString()!, StringComparison.Ordinal);
        Assert.Equal("{ Name = Ada, Year = 1815 }", bundle["text/plain"].GetString());
    }

    [Fact]
    public void Poco_WithoutToString_ListsItsMembersAsText()
    {
        var bundle = Format(new Pocket { Coins = 3, Label = "left" });

        Assert.Contains("<td>3</td><td>left</td>", bundle["text/html"].GetString()!, StringComparison.Ordinal);
        Assert.Equal("Pocket { Coins = 3, Label = left }", bundle["text/plain"].GetString());
    }

    [Fact]
    public void CompilerWrittenToString_IsReplaced_SoNestedCollectionsShowTheirItems()
    {
        Assert.Equal("Bag { Items = [1, 2] }", Format(new Bag([1, 2]))["text/plain"].GetString());
        Assert.Equal("{ A = 1, B = [x, y] }", Format(new { A = 1, B = new List<string> { "x", "y" } })["text/plain"].GetString());
    }

    [Fact]
    public void Dictionary_IsAKeyValueTable()
    {
        var bundle = Format(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 });

        var html = bundle["text/html"].GetString()!;
        Assert.Contains("<th>key</th><th>value</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>b</td><td>2</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("b    2", bundle["text/plain"].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void LongSequence_IsCutAtTheRowLimit_WithACount()
    {
        var bundle = ValueFormatter.Format(Enumerable.Range(0, 100).ToArray(), FormatterRegistry.Shared, rowLimit: 5);

        var html = bundle["text/html"].GetString()!;
        Assert.Equal(5, html.Split("<tr><td>").Length - 1);
        Assert.Contains("(5 of 100 rows)", html, StringComparison.Ordinal);
        Assert.Equal("[0, 1, 2, 3, 4, …]\n(5 of 100 rows)", bundle["text/plain"].GetString());
    }

    [Fact]
    public void RowLimit_BelowOne_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FormatterRegistry.Shared.RowLimit = 0);
        Assert.True(FormatterRegistry.Shared.RowLimit >= 1);
    }

    [Fact]
    public void EndlessSequence_IsCountedOnlyUpToTheLimit()
    {
        static IEnumerable<int> Forever()
        {
            for (var i = 0; ; i++)
            {
                yield return i;
            }
        }

        var bundle = ValueFormatter.Format(Forever(), FormatterRegistry.Shared, rowLimit: 3);

        Assert.Contains($"(3 of {TableBuilder.CountLimit}+ rows)", bundle["text/html"].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRowLimit_Is20()
    {
        var bundle = ValueFormatter.Format(Enumerable.Range(0, 25).ToList(), FormatterRegistry.Shared, FormatterRegistry.DefaultRowLimit);

        Assert.Contains("(20 of 25 rows)", bundle["text/html"].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_AreHtmlEscaped()
    {
        var bundle = Format(new[] { new Point(1, 2) }.Select(p => new { Name = "<script>alert(1)</script>", p.X }));

        var html = bundle["text/html"].GetString()!;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingGetter_ShowsTheException_InsteadOfFailingTheTable()
    {
        var bundle = Format(new[] { new Faulty() });

        Assert.Contains("<td>&lt;InvalidOperationException&gt;</td>", bundle["text/html"].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void RichDisplay_TypeChoosesItsOwnBundle_AndGetsATextFallback()
    {
        var bundle = Format(new Badge());

        Assert.Equal("<b>badge</b>", bundle["text/html"].GetString());
        Assert.Equal(42, bundle["application/json"].GetProperty("answer").GetInt32());
        Assert.Equal("a badge", bundle["text/plain"].GetString());
    }

    [Fact]
    public void RegisteredFormatter_RendersTheTypeAndItsSubtypes()
    {
        var registry = FormatterRegistry.Shared;
        registry.Register<Shape>(s => $"<i>{s.Sides} sides</i>");
        try
        {
            var bundle = Format(new Square());

            Assert.Equal("<i>4 sides</i>", bundle["text/html"].GetString());
            Assert.True(bundle.ContainsKey("text/plain"));
        }
        finally
        {
            Assert.True(registry.Remove<Shape>());
        }
    }

    private static Dictionary<string, JsonElement> Format(object? value) =>
        ValueFormatter.Format(value, FormatterRegistry.Shared, FormatterRegistry.DefaultRowLimit);

    private sealed record Point(int X, int Y);

    private sealed record Bag(IReadOnlyList<int> Items);

    private sealed class Pocket
    {
        public int Coins { get; init; }

        public string Label { get; init; } = string.Empty;
    }

    private sealed class Faulty
    {
        public int Broken => throw new InvalidOperationException(GetType().Name);
    }

    private sealed class Badge : IRichDisplay
    {
        public IReadOnlyDictionary<string, object> ToMimeBundle() => new Dictionary<string, object>
        {
            ["text/html"] = "<b>badge</b>",
            ["application/json"] = new Dictionary<string, int> { ["answer"] = 42 },
        };

        public override string ToString() => "a badge";
    }

    private abstract class Shape
    {
        public abstract int Sides { get; }
    }

    private sealed class Square : Shape
    {
        public override int Sides => 4;
    }
}
