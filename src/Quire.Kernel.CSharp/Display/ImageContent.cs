namespace Quire.Kernel.CSharp.Display;

/// <summary>A PNG or JPEG image, recognised by its first bytes and sent base64-encoded as the protocol asks.</summary>
public sealed class ImageContent : MimeContent
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private ImageContent(string mimeType, byte[] bytes)
        : base(mimeType, Convert.ToBase64String(bytes), $"<{(mimeType == MimeTypes.Png ? "PNG" : "JPEG")} image, {bytes.Length} bytes>")
    {
        Length = bytes.Length;
    }

    /// <summary>The size of the image in bytes.</summary>
    public int Length { get; }

    public static ImageContent FromBytes(byte[] bytes, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith(PngSignature))
        {
            return new ImageContent(MimeTypes.Png, bytes);
        }

        if (bytes.AsSpan().StartsWith(JpegSignature))
        {
            return new ImageContent(MimeTypes.Jpeg, bytes);
        }

        var head = Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 8)));
        throw new ArgumentException($"{source ?? "the image"} is neither PNG nor JPEG (it starts with bytes {(head.Length > 0 ? head : "(none)")})", nameof(bytes));
    }
}
