using System.Security.Cryptography;
using System.Text;

namespace Quire.Notebook.Signatures;

/// <summary>
/// The signing key file (<c>notebook_secret</c>). Its whole content, bytes as they are, is the HMAC key; a new one is
/// what Python writes: <c>base64.encodebytes(os.urandom(1024))</c> (76-character lines, each ending in a newline),
/// readable by the owner only.
/// </summary>
public static class NotarySecret
{
    private const int RandomBytes = 1024;
    private const int LineLength = 76;

    /// <summary>Reads the secret, creating the file first when it does not exist.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var secret = Generate();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            CreatePrivateDirectory(directory);
        }

        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            stream.Write(secret);
            stream.Flush(flushToDisk: true);
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it between our check and our write: its key wins, as the first writer's would.
            return File.ReadAllBytes(path);
        }
    }

    /// <summary>A fresh secret in Python's <c>encodebytes</c> layout.</summary>
    public static byte[] Generate() => EncodeBytes(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Python's <c>base64.encodebytes</c>: base64 in lines of 76 characters, each followed by "\n".</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> data)
    {
        var base64 = Convert.ToBase64String(data);
        var text = new StringBuilder(base64.Length + (base64.Length / LineLength) + 1);
        for (var i = 0; i < base64.Length; i += LineLength)
        {
            text.Append(base64, i, Math.Min(LineLength, base64.Length - i)).Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Creates a directory as jupyter_core does for its data dir (mode 0700).</summary>
    internal static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
