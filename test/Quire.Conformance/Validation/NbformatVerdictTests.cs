using System.Text.Json;
using Quire.Conformance.Infrastructure;
using Quire.Notebook;
using Quire.Notebook.Format;
using Quire.Notebook.Validation;

namespace Quire.Conformance.Validation;

/// <summary>
/// Quire's verdict (read, then validate) against Debian's python3-nbformat 5.5.0 (<c>nbformat.read(path,
/// as_version=4)</c>, then <c>nbformat.validate</c>) on doubtful notebooks: both must call each one valid or invalid.
/// </summary>
public sealed class NbformatVerdictTests
{
    /// <summary>
    /// Deliberate differences, all in reading rather than in the schema. nbformat takes a notebook without
    /// <c>nbformat</c>, or with <c>nbformat: true</c> (<c>True == 1</c>), for nbformat 1 and upgrades it to 4, keeping
    /// nothing of its cells' text; Quire refuses such a file as not a notebook. Agreement is accepted too.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDivergences = new(StringComparer.Ordinal)
    {
        ["missing-nbformat"] = "nbformat reads it as nbformat 1",
        ["nbformat-true"] = "nbformat reads it as nbformat 1",
    };

    [Fact]
    public async Task Verdicts_MatchNbformat()
    {
        PythonEnvironment.RequireModules("nbformat");
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "quire-verdicts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var names = new List<string>();
            foreach (var notebook in DoubtfulNotebooks.All())
            {
                await File.WriteAllBytesAsync(Path.Combine(directory, notebook.Name + ".ipynb"), notebook.Content, cancellationToken);
                names.Add(notebook.Name);
            }

            var python = await PythonVerdictsAsync(directory, cancellationToken);
            var mismatches = new List<string>();
            foreach (var name in names)
            {
                var path = Path.Combine(directory, name + ".ipynb");
                var quire = await QuireVerdictAsync(path, cancellationToken);
                if (!python.TryGetValue(name + ".ipynb", out var expected))
                {
                    mismatches.Add($"{name}: verdict.py gave no verdict");
                }
                else if (expected.Valid != quire.Valid && !KnownDivergences.ContainsKey(name))
                {
                    mismatches.Add($"{name}: nbformat says {Word(expected.Valid)} ({expected.Error}), Quire says {Word(quire.Valid)} ({quire.Error})");
                }
            }

            Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {names.Count} verdicts differ:\n" + string.Join("\n", mismatches));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Dictionary<string, Verdict>> PythonVerdictsAsync(string directory, CancellationToken cancellationToken)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "verdict.py");
        var (exitCode, stdout, stderr) = await PythonEnvironment.RunScriptAsync(script, [directory], cancellationToken);
        Assert.True(exitCode == 0, $"verdict.py exited with {exitCode}:\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            var valid = property.Value.GetProperty("valid").GetBoolean();
            verdicts[Path.GetFileName(property.Name)] = new Verdict(valid, property.Value.GetProperty("error").GetString() ?? string.Empty);
        }

        return verdicts;
    }

    private static async Task<Verdict> QuireVerdictAsync(string path, CancellationToken cancellationToken)
    {
        NotebookReadResult result;
        try
        {
            result = await NotebookReader.ReadFileAsync(path, cancellationToken);
        }
        catch (NotebookFormatException ex)
        {
            return new Verdict(false, ex.Reason);
        }

        var issues = NotebookValidator.Validate(result.Document);
        return new Verdict(issues.Count == 0, string.Join("; ", issues.Take(3)));
    }

    private static string Word(bool valid) => valid ? "valid" : "invalid";

    private sealed record Verdict(bool Valid, string Error);
}
