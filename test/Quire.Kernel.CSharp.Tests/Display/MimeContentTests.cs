using Quire.Kernel.CSharp.Display;
using Quire.Kernel.CSharp.Execution;
using Quire.Kernel.CSharp.Runtime;

namespace Quire.Kernel.CSharp.Tests.Display;

public sealed class MimeContentTests
{
    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("markdown", "text/markdown")]
    [InlineData("svg", "image/svg+xml")]
    [InlineData("latex", "text/latex")]
    public void TextBuilders_CarryTheirMimeType_AndAPlainFallback(string kind, string mimeType)
    {
        MimeContent content = kind switch
        {
            "html" => CSharpKernelGlobals.Html("<b>x</b>"),
            "markdown" => CSharpKernelGlobals.Markdown("# x"),
            "svg" => CSharpKernelGlobals.Svg("<svg/>"),
            _ => CSharpKernelGlobals.Latex("$x^2$"),
        };

        var bundle = ValueFormatter.Format(content);

        Assert.Equal(mimeType, content.MimeType);
        Assert.Equal(content.Data, bundle[mimeType].GetString());
        Assert.False(string.IsNullOrEmpty(bundle["text/plain"].GetString()));
    }

    [Fact]
    public void Json_FromAnObject_IsAJsonValue_NotAString()
    {
        var bundle = ValueFormatter.Format(CSharpKernelGlobals.Json(new { name = "Ada", tags = new List<string> { "math" } }));

        Assert.Equal("Ada", bundle["application/json"].GetProperty("name").GetString());
        Assert.Equal("math", bundle["application/json"].GetProperty("tags")[0].GetString());
        Assert.Contains("\"name\": \"Ada\"", bundle["text/plain"].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_FromBadText_FailsWhereItIsBuilt()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CSharpKernelGlobals.Json("{not json"));
    }

    [Fact]
    public void Image_DetectsPngAndJpeg_ByTheirFirstBytes()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 9];

        var pngBundle = ValueFormatter.Format(CSharpKernelGlobals.Image(png));
        var jpegBundle = ValueFormatter.Format(CSharpKernelGlobals.Image(jpeg));

        Assert.Equal(Convert.ToBase64String(png), pngBundle["image/png"].GetString());
        Assert.Equal(Convert.ToBase64String(jpeg), jpegBundle["image/jpeg"].GetString());
        Assert.Equal("<PNG image, 11 bytes>", pngBundle["text/plain"].GetString());
    }

    [Fact]
    public void Image_FromAFile_ReadsIt_AndRejectsOtherFormats()
    {
        var directory = Directory.CreateTempSubdirectory("quire-image-");
        try
        {
            var png = Path.Combine(directory.FullName, "dot.png");
            File.WriteAllBytes(png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]);
            var gif = Path.Combine(directory.FullName, "dot.gif");
            File.WriteAllBytes(gif, "GIF89a"u8.ToArray());

            Assert.Equal("image/png", CSharpKernelGlobals.Image(png).MimeType);
            var error = Assert.Throws<ArgumentException>(() => CSharpKernelGlobals.Image(gif));
            Assert.Contains("dot.gif", error.Message, StringComparison.Ordinal);
            Assert.Contains("neither PNG nor JPEG", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
