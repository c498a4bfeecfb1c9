using System.ComponentModel;
using Quire.Cli.Hosting;

namespace Quire.Cli.Notebooks.Strip;

/// <summary>
/// Sets up (or removes) <c>quire nb strip</c> as the clean filter of <c>*.ipynb</c> in one repository: the filter in
/// the repository's own git config, the attribute in its top-level <c>.gitattributes</c> so that it travels with it.
/// </summary>
internal static class GitFilterInstaller
{
    public const string FilterName = "quire-strip";

    public const string AttributeLine = "*.ipynb filter=" + FilterName;

    public static async Task<int> InstallAsync(
        GitRepository repository, string cleanCommand, CliConsole console, CancellationToken cancellationToken)
    {
        string[][] settings =
        [
            ["config", "--local", $"filter.{FilterName}.clean", cleanCommand],
            ["config", "--local", $"filter.{FilterName}.smudge", "cat"],
            // Required: a failing filter stops `git add` rather than silently committing the unstripped notebook.
            ["config", "--local", $"filter.{FilterName}.required", "true"],
        ];
        foreach (var setting in settings)
        {
            if (await RunGitAsync(repository, setting, console, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        var attributes = Path.Combine(repository.Root, ".gitattributes");
        var text = File.Exists(attributes)
            ? await File.ReadAllTextAsync(attributes, cancellationToken).ConfigureAwait(false)
            : string.Empty;
        if (!Lines(text).Any(IsOurLine))
        {
            var separator = text.Length == 0 || text.EndsWith('\n') ? string.Empty : "\n";
            var updated = text + separator + AttributeLine + "\n";
            if (await WriteAsync(attributes, updated, console, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        await console.Out.WriteLineAsync($"installed: *.ipynb files in {repository.Root} are stripped by \"{cleanCommand}\" when staged")
            .ConfigureAwait(false);
        return ExitCodes.Success;
    }

    public static async Task<int> UninstallAsync(GitRepository repository, CliConsole console, CancellationToken cancellationToken)
    {
        string[] query = ["config", "--local", "--get-regexp", $"^filter\\.{FilterName}\\."];
        var show = await TryRunAsync(repository, query, console, cancellationToken).ConfigureAwait(false);
        if (show is null)
        {
            return ExitCodes.WriteFailed;
        }

        // git exits 1 when no key matches: then the section is already gone and removing it would be an error.
        if (show.ExitCode == 0
            && await RunGitAsync(repository, ["config", "--local", "--remove-section", $"filter.{FilterName}"], console, cancellationToken)
                .ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var attributes = Path.Combine(repository.Root, ".gitattributes");
        if (File.Exists(attributes))
        {
            var text = await File.ReadAllTextAsync(attributes, cancellationToken).ConfigureAwait(false);
            var kept = Lines(text).Where(l => !IsOurLine(l)).ToList();
            if (kept.Count != Lines(text).Count())
            {
                var result = kept.Count == 0
                    ? await DeleteAsync(attributes, console).ConfigureAwait(false)
                    : await WriteAsync(attributes, string.Concat(kept.Select(l => l + "\n")), console, cancellationToken)
                        .ConfigureAwait(false);
                if (result is { } writeFailed)
                {
                    return writeFailed;
                }
            }
        }

        await console.Out.WriteLineAsync($"uninstalled: the {FilterName} filter is removed from {repository.Root}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r'));

    private static bool IsOurLine(string line) =>
        string.Join(' ', line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)) == AttributeLine;

    private static async Task<int?> RunGitAsync(
        GitRepository repository, string[] arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(repository, arguments, console, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return ExitCodes.WriteFailed;
        }

        if (result.ExitCode != 0)
        {
            await console.Error.WriteLineAsync($"git {string.Join(' ', arguments)} failed: {result.StandardError.Trim()}")
                .ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }

        return null;
    }

    private static async Task<GitResult?> TryRunAsync(
        GitRepository repository, string[] arguments, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            return await repository.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            await console.Error.WriteLineAsync($"git could not be run ({ex.Message}); is it installed and on PATH?").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<int?> WriteAsync(string path, string text, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            await Notebook.IO.AtomicFile.WriteAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path}: not written: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }
    }

    private static async Task<int?> DeleteAsync(string path, CliConsole console)
    {
        try
        {
            File.Delete(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path}: not removed: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }
    }
}
