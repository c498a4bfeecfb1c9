using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Notebooks.Diff;
using Quire.Notebook;
using Quire.Notebook.Diffing;

namespace Quire.Cli.Notebooks;

/// <summary><c>quire nb diff A B</c>: compares two notebooks cell by cell.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var files = CliArguments.Files(
            "The old and the new notebook (\"-\" reads one from standard input; /dev/null is no notebook).", new ArgumentArity(1, 9));
        var json = new Option<bool>("--json") { Description = "Write the differences as JSON (schema below)." };
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit 1 when the notebooks differ, 0 when they do not." };
        var git = new Option<bool>("--git")
        {
            Description = "Take git's external diff arguments (path old-file old-hex old-mode new-file new-hex new-mode).",
        };
        var command = new Command("diff", """
            Compare notebooks cell by cell: cells are paired by id (else by source similarity) and shown as added, removed,
            modified or moved, with a line diff of their source, execution count changes, an output summary and metadata
            changes as key paths. Exit 0, or with --exit-code 1 when they differ; 3 when an input cannot be read.
            As git's diff driver: git config diff.quire-nb.command "quire nb diff --git" and *.ipynb diff=quire-nb in
            .gitattributes (or GIT_EXTERNAL_DIFF="quire nb diff --git").
            JSON (--json): {"old", "new", "path" (with --git), "changed": bool,
              "summary": {"unchanged", "modified", "added", "removed", "moved": count},
              "notebook": [change], "cells": [{"status": unchanged|modified|added|removed|moved, "old_index", "new_index"
              (0-based, absent on the side without the cell), "cell_type", "id"?, "old_cell_type"? (type changed),
              "source"? [unified diff lines: "@@ … @@", "+line", "-line", " line"], "execution_count"? {"old", "new"},
              "outputs"? {"old_count", "new_count", "changes": ["stream changed", "image/png added", …]},
              "changes"? [change]}]}
              where change = {"path": "metadata.a.b", "change": added|removed|changed, "old"?: JSON, "new"?: JSON}.
            """)
        {
            files,
            json,
            exitCode,
            git,
        };
        command.SetAction((parse, ct) =>
            RunAsync(parse.GetRequiredValue(files), parse.GetValue(json), parse.GetValue(exitCode), parse.GetValue(git), console, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] files, bool json, bool exitCode, bool git, CliConsole console, CancellationToken cancellationToken)
    {
        if (git && files.Length == 1)
        {
            // git calls an external diff with the path alone for an unmerged path.
            await console.Out.WriteLineAsync($"* Unmerged path {files[0]}").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (DiffSides.Parse(files, git) is not { } sides)
        {
            var expected = git ? "git's 7 external diff arguments" : "two notebooks";
            await console.Error.WriteLineAsync($"quire: nb diff takes {expected}, not {files.Length} argument(s)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (sides.OldMissing && sides.NewMissing)
        {
            await console.Error.WriteLineAsync($"quire: both sides are {DiffSides.NullFile}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var oldDocument = await ReadAsync(sides.OldFile, console, cancellationToken).ConfigureAwait(false);
        var newDocument = await ReadAsync(sides.NewFile, console, cancellationToken).ConfigureAwait(false);
        if ((oldDocument is null && !sides.OldMissing) || (newDocument is null && !sides.NewMissing))
        {
            return ExitCodes.BadInput;
        }

        // A missing side is the other notebook without its cells, so that only the cells show as added or removed.
        oldDocument ??= newDocument!.WithCells([]);
        newDocument ??= oldDocument.WithCells([]);
        var diff = NotebookDiffer.Diff(oldDocument, newDocument);
        if (json)
        {
            await console.WriteBytesAsync(DiffJsonRenderer.Render(diff, sides), cancellationToken).ConfigureAwait(false);
        }
        else if (diff.HasChanges || git)
        {
            await DiffTextRenderer.WriteAsync(diff, sides, new DiffStyle(console.Colors), console.Out).ConfigureAwait(false);
        }

        return exitCode && diff.HasChanges ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static async Task<NotebookDocument?> ReadAsync(string file, CliConsole console, CancellationToken cancellationToken) =>
        file == DiffSides.NullFile
            ? null
            : (await NotebookInput.TryReadAsync(file, console, cancellationToken).ConfigureAwait(false))?.Document;
}
