using System.Text;
using System.Text.Json;
using Quire.Conformance.Infrastructure;
using Quire.Notebook;
using Quire.Notebook.Format;

namespace Quire.Conformance.Format;

/// <summary>
/// Quire's read and write against Debian's python3-nbformat 5.5.0: for every notebook of a generated corpus (plus the
/// real notebooks on this machine) that Python accepts, <see cref="NotebookWriter.ToUtf8"/> of
/// <see cref="NotebookReader.Read(ReadOnlyMemory{byte}, string?)"/> must equal, byte for byte,
/// <c>nbformat.write(nbformat.read(f, as_version=4), out)</c>. Ids Python makes up at random are masked.
/// </summary>
public sealed class NbformatRoundTripTests
{
    /// <summary>Fewer than this many compared notebooks means the corpus went wrong, not that all is well.</summary>
    private const int MinimumCompared = 50;

    [Fact]
    public async Task RoundTrip_MatchesNbformatByteForByte()
    {
        PythonEnvironment.RequireModules("nbformat");
        var cancellationToken = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "quire-roundtrip-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(root, "in");
        var expected = Path.Combine(root, "out");
        try
        {
            await RunAsync("gen_corpus.py", [input], cancellationToken);
            await RunAsync("roundtrip.py", [input, expected], cancellationToken);
            var manifest = RoundTripManifest.Load(Path.Combine(expected, RoundTripManifest.FileName));
            var mismatches = new List<string>();
            var compared = 0;
            foreach (var path in Directory.GetFiles(input).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (manifest.Skipped.ContainsKey(name))
                {
                    continue;
                }

                compared++;
                var python = await File.ReadAllBytesAsync(Path.Combine(expected, name), cancellationToken);
                if (Compare(name, await File.ReadAllBytesAsync(path, cancellationToken), python, manifest.RandomIds.Contains(name)) is { } mismatch)
                {
                    mismatches.Add(mismatch);
                }
            }

            Assert.True(compared >= MinimumCompared, $"only {compared} notebooks were compared (skipped: {string.Join(", ", manifest.Skipped.Keys)})");
            Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {compared} notebooks differ from nbformat's output:\n" + string.Join("\n", mismatches));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static string? Compare(string name, byte[] source, byte[] python, bool maskIds)
    {
        byte[] quire;
        try
        {
            quire = NotebookWriter.ToUtf8(NotebookReader.Read(source, name).Document);
        }
        catch (NotebookFormatException ex)
        {
            return $"{name}: Python reads it, Quire does not: {ex.Message}";
        }

        if (!maskIds && quire.AsSpan().SequenceEqual(python))
        {
            return null;
        }

        return TextDiff.FirstDifference(name, Encoding.UTF8.GetString(quire), Encoding.UTF8.GetString(python), maskIds);
    }

    private static async Task RunAsync(string script, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "python", script);
        var (exitCode, stdout, stderr) = await PythonEnvironment.RunScriptAsync(path, arguments, cancellationToken);
        Assert.True(exitCode == 0, $"{script} exited with {exitCode}:\n{stdout}\n{stderr}");
    }

    /// <summary>roundtrip.py's manifest.json: the files Python could not take, and those whose ids it made up.</summary>
    private sealed record RoundTripManifest(IReadOnlyDictionary<string, string> Skipped, IReadOnlySet<string> RandomIds)
    {
        public const string FileName = "manifest.json";

        public static RoundTripManifest Load(string path)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var skipped = json.RootElement.GetProperty("skipped").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
            var random = json.RootElement.GetProperty("random_ids").EnumerateArray()
                .Select(e => e.GetString() ?? string.Empty).ToHashSet(StringComparer.Ordinal);
            return new RoundTripManifest(skipped, random);
        }
    }
}
