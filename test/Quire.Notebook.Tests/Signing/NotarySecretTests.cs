using System.Text;
using Quire.Notebook.Signatures;

namespace Quire.Notebook.Tests.Signing;

public sealed class NotarySecretTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quire-secret-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadOrCreate_WritesBase64Lines_OwnerOnly_ThenReusesTheFile()
    {
        var path = Path.Combine(_dir, "data", "notebook_secret");

        var first = NotarySecret.LoadOrCreate(path);
        var second = NotarySecret.LoadOrCreate(path);

        Assert.Equal(first, second);
        Assert.Equal(first, File.ReadAllBytes(path));
        var lines = Encoding.ASCII.GetString(first).Split('\n');
        Assert.Equal(19, lines.Length); // 1368 base64 characters: 18 lines of 76, each ending "\n"
        Assert.All(lines[..^1], l => Assert.Equal(76, l.Length));
        Assert.Equal(1024, Convert.FromBase64String(string.Concat(lines)).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void LoadOrCreate_UsesExistingBytesAsTheyAre()
    {
        var path = Path.Combine(_dir, "s");
        File.WriteAllBytes(path, "not base64 at all\r\n"u8.ToArray());

        Assert.Equal("not base64 at all\r\n"u8.ToArray(), NotarySecret.LoadOrCreate(path));
    }

    [Fact]
    public void EncodeBytes_MatchesPythonEncodebytes()
    {
        // base64.encodebytes(bytes(range(60))) in Python: a line of 76 characters, then the rest, each with "\n".
        var expected = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\nOTo7\n";

        Assert.Equal(expected, Encoding.ASCII.GetString(NotarySecret.EncodeBytes(Enumerable.Range(0, 60).Select(i => (byte)i).ToArray())));
    }

    [Theory]
    [InlineData("/j", null, "/j")]
    [InlineData("", "/xdg", "/xdg/jupyter")]
    [InlineData(null, "", "/home/u/.local/share/jupyter")]
    [InlineData(null, null, "/home/u/.local/share/jupyter")]
    public void DataDir_FollowsJupyterCoreRule(string? jupyterDataDir, string? xdgDataHome, string expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(), "the XDG rule is the Linux one");
        var env = new Dictionary<string, string?> { ["JUPYTER_DATA_DIR"] = jupyterDataDir, ["XDG_DATA_HOME"] = xdgDataHome };

        Assert.Equal(expected, JupyterPaths.DataDir(name => env.GetValueOrDefault(name), "/home/u"));
    }

    [Fact]
    public void JupyterNotary_CreatesPrivateDataDir_WithBothFiles()
    {
        var dataDir = Path.Combine(_dir, "jupyter");
        using (var notary = JupyterNotary.Open(new NotaryOptions { DataDir = dataDir }, TimeProvider.System))
        {
            Assert.Equal(Path.Combine(dataDir, "notebook_secret"), notary.SecretFile);
            Assert.Equal(Path.Combine(dataDir, "nbsignatures.db"), notary.DbFile);
        }

        Assert.True(File.Exists(Path.Combine(dataDir, "notebook_secret")));
        Assert.True(File.Exists(Path.Combine(dataDir, "nbsignatures.db")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dataDir));
        }
    }
}
