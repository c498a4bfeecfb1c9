using System.Collections.Immutable;
using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Notebooks.Strip;
using Quire.Notebook.Format;
using Quire.Notebook.Stripping;

namespace Quire.Cli.Notebooks;

/// <summary><c>quire nb strip FILE…</c>: removes outputs, execution counts and volatile metadata, as nbstripout does.</summary>
internal static class StripCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CliArguments.Files(
            "Notebooks to strip in place (\"-\" reads standard input and writes standard output).", ArgumentArity.ZeroOrMore);
        var keepOutput = new Option<bool>("--keep-output")
        {
            Description = "Keep outputs (execution counts are still stripped unless --keep-count).",
        };
        var keepCount = new Option<bool>("--keep-count") { Description = "Keep execution counts." };
        var extraKeys = new Option<string[]>("--extra-keys")
        {
            Description = "More keys to strip, space separated, e.g. \"metadata.foo cell.metadata.bar\" (repeatable).",
        };
        var keepKeys = new Option<string[]>("--keep-metadata-keys")
        {
            Description = "Keys not to strip even though they are stripped by default, e.g. cell.metadata.collapsed (repeatable).",
        };
        var check = new Option<bool>("--check") { Description = "Change nothing; list files that would change and exit 1 if any would." };
        var install = new Option<bool>("--install")
        {
            Description = "Set this repository up to strip *.ipynb files when they are staged (git clean filter).",
        };
        var uninstall = new Option<bool>("--uninstall") { Description = "Remove what --install set up." };
        var gitCommand = new Option<string>("--command")
        {
            Description = "With --install: the shell command that runs quire in the filter, e.g. \"dotnet /opt/quire/quire.dll\".",
            DefaultValueFactory = _ => "quire",
        };
        var repo = new Option<string>("--repo")
        {
            Description = "With --install/--uninstall: a directory inside the repository (default: the current one).",
        };
        var command = new Command("strip", """
            Strip what changes on every run so notebooks diff and merge like source (as nbstripout does): outputs,
            execution counts, and the keys metadata.signature, metadata.widgets and
            cell.metadata.{collapsed, ExecuteTime, execution, heading_collapsed, hidden, scrolled}. kernelspec and
            language_info are kept. A cell keeps its outputs when tagged keep_output or with metadata keep_output: true;
            metadata.keep_output does so for the whole notebook. Output is canonical nbformat; files are rewritten
            atomically, and only when they change.
            As a git filter: quire nb strip --install (or: git config filter.NAME.clean "quire nb strip -").
            """)
        {
            files, keepOutput, keepCount, extraKeys, keepKeys, check, install, uninstall, gitCommand, repo,
        };
        command.SetAction((parse, ct) =>
        {
            var options = new StripOptions
            {
                KeepOutput = parse.GetValue(keepOutput) ? true : null,
                KeepCount = parse.GetValue(keepCount),
                ExtraKeys = SplitKeys(parse.GetValue(extraKeys)),
                KeepKeys = SplitKeys(parse.GetValue(keepKeys)),
            };
            var request = new StripRequest(parse.GetValue(files) ?? [], options, parse.GetValue(check), parse.GetValue(install),
                parse.GetValue(uninstall), parse.GetValue(gitCommand) ?? "quire", parse.GetValue(repo));
            return RunAsync(request, console, ct);
        });
        return command;
    }

    private static ImmutableArray<string> SplitKeys(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];

    private static async Task<int> RunAsync(StripRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        if (request.Options.ExtraKeys.Concat(request.Options.KeepKeys).FirstOrDefault(k => !StripOptions.IsValidKey(k)) is { } bad)
        {
            await console.Error.WriteLineAsync($"quire: '{bad}' is not a key: use metadata.NAME or cell.NAME (e.g. cell.metadata.tags)")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (request.Install || request.Uninstall)
        {
            return await ConfigureGitAsync(request, console, cancellationToken).ConfigureAwait(false);
        }

        if (request.Files.Length == 0)
        {
            await console.Error.WriteLineAsync("quire: name the notebooks to strip (\"-\" for standard input), or use --install")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var exit = ExitCodes.Success;
        foreach (var file in request.Files)
        {
            exit = NotebookInput.Worst(exit, await StripOneAsync(file, request, console, cancellationToken).ConfigureAwait(false));
        }

        return exit;
    }

    private static async Task<int> StripOneAsync(string file, StripRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        // As a git clean filter, a failure must leave standard output empty: nothing is written before the whole
        // notebook has been read and stripped.
        var read = await NotebookInput.TryReadAsync(file, console, cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return ExitCodes.BadInput;
        }

        var stripped = NotebookWriter.ToUtf8(NotebookStripper.Strip(read.Document, request.Options));
        if (file == NotebookInput.StdinName)
        {
            if (!request.Check)
            {
                await console.WriteBytesAsync(stripped, cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var current = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        if (current.AsSpan().SequenceEqual(stripped))
        {
            return ExitCodes.Success;
        }

        if (request.Check)
        {
            await console.Out.WriteLineAsync($"would strip {file}").ConfigureAwait(false);
            return ExitCodes.Findings;
        }

        try
        {
            await Notebook.IO.AtomicFile.WriteAsync(file, stripped, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"stripped {file}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{file}: not written: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.WriteFailed;
        }
    }

    private static async Task<int> ConfigureGitAsync(StripRequest request, CliConsole console, CancellationToken cancellationToken)
    {
        if ((request.Install && request.Uninstall) || request.Files.Length > 0)
        {
            await console.Error.WriteLineAsync("quire: --install and --uninstall take no files and cannot be combined")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var start = request.Repository ?? Directory.GetCurrentDirectory();
        if (GitRepository.Find(start) is not { } repository)
        {
            await console.Error.WriteLineAsync($"quire: {Path.GetFullPath(start)} is not inside a git repository (no .git found above it)")
                .ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return request.Install
            ? await GitFilterInstaller.InstallAsync(repository, FilterCommandLine.For(request), console, cancellationToken).ConfigureAwait(false)
            : await GitFilterInstaller.UninstallAsync(repository, console, cancellationToken).ConfigureAwait(false);
    }
}
