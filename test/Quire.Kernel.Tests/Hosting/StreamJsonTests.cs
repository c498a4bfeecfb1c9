using System.Text;
using System.Text.Json;
using Quire.Kernel.Hosting;

namespace Quire.Kernel.Tests.Hosting;

public sealed class StreamJsonTests
{
    [Theory]
    [InlineData("plain text\n")]
    [InlineData("quote \" backslash \\ tab \t cr \r nul \0 bell \u0007 unit \u001f")]
    [InlineData("é 中文 😀 <html> & 'single'")]
    [InlineData("")]
    public void Text_RoundTripsThroughJson(string text)
    {
        var (name, parsed) = Parse(StreamJson.Encode("stdout", [text.AsMemory()]));

        Assert.Equal("stdout", name);
        Assert.Equal(text, parsed);
    }

    [Fact]
    public void Pieces_AreOneString_EvenWithASurrogatePairSplitBetweenThem()
    {
        const string Emoji = "😀";

        var (_, parsed) = Parse(StreamJson.Encode("stdout", ["a".AsMemory(), ("b" + Emoji[0]).AsMemory(), (Emoji[1] + "c").AsMemory()]));

        Assert.Equal("ab😀c", parsed);
    }

    [Fact]
    public void LongRuns_KeepPairsAcrossTheEncodersSlices()
    {
        // A run longer than the 16K-character slices it is transcoded in, with a pair on each boundary.
        var text = string.Concat(Enumerable.Repeat(new string('x', (16 * 1024) - 1) + "😀", 5));

        var (_, parsed) = Parse(StreamJson.Encode("stderr", [text.AsMemory()]));

        Assert.Equal(text, parsed);
    }

    [Fact]
    public void UnpairedSurrogates_BecomeReplacementCharacters_AndTheJsonStaysValid()
    {
        var (_, parsed) = Parse(StreamJson.Encode("stdout", ["lone \ud83d here\n".AsMemory(), "\ude00 end".AsMemory()]));

        Assert.Equal("lone \ufffd here\n\ufffd end", parsed);
    }

    [Fact]
    public void OnlyWhatJsonRequires_IsEscaped()
    {
        var json = Encoding.UTF8.GetString(StreamJson.Encode("stdout", ["é<>&'\"\n\u0001".AsMemory()]).Span);

        Assert.Equal("{\"name\":\"stdout\",\"text\":\"é<>&'\\\"\\n\\u0001\"}", json);
    }

    private static (string Name, string Text) Parse(ReadOnlyMemory<byte> content)
    {
        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        return (root.GetProperty("name").GetString()!, root.GetProperty("text").GetString()!);
    }
}
