using System.Security.Cryptography;
using Quire.Notebook.Signing;

namespace Quire.Notebook.Tests.Signing;

public sealed class HashingStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(200_000)]
    public void BufferedWrites_HashTheSameBytesAsOneUpdate(int largest)
    {
        // The stream gathers small writes before each HMAC update: the digest must be exactly the one-shot HMAC of
        // everything written, whatever the mix of write sizes (below, at and above the 64 KiB buffer).
        var key = "secret"u8.ToArray();
        var data = new byte[700_000];
        new Random(largest).NextBytes(data);
        var sizes = new Random(42);

        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        using (var stream = new HashingStream(hmac))
        {
            var offset = 0;
            while (offset < data.Length)
            {
                var count = Math.Min(data.Length - offset, 1 + sizes.Next(largest));
                if (count == 1)
                {
                    stream.WriteByte(data[offset]);
                }
                else
                {
                    stream.Write(data.AsSpan(offset, count));
                }

                offset += count;
            }
        }

        Assert.Equal(HMACSHA256.HashData(key, data), hmac.GetHashAndReset());
    }

    [Fact]
    public void WriteAfterDispose_Throws()
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, [1]);
        var stream = new HashingStream(hmac);
        stream.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.Write([1, 2]));
    }
}
