using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Cli.Notebooks.Trust;
using Quire.Notebook;
using Quire.Notebook.Signing;

namespace Quire.Cli.Notebooks;

/// <summary>
/// <c>quire nb trust|untrust|verify FILE…</c>: Jupyter's notebook trust, on Jupyter's own key and database, so a notebook
/// trusted here is trusted by Jupyter and the other way round.
/// </summary>
internal static class TrustCommands
{
    public static Command CreateTrust(CliConsole console) => Build("trust", """
        Trust notebooks as `jupyter trust` does: record the signature of their current content in Jupyter's signature
        database, so their HTML and JavaScript outputs are shown without re-running them.
        """, console, TrustOneAsync);

    public static Command CreateUntrust(CliConsole console) => Build("untrust", """
        Remove the signature of the notebooks' current content from Jupyter's signature database.
        """, console, UntrustOneAsync);

    public static Command CreateVerify(CliConsole console) => Build("verify", """
        Check whether notebooks are trusted (their current content is signed in Jupyter's signature database).
        Exit 0 when all are trusted, 1 when any is not, 3 when any cannot be read.
        """, console, VerifyOneAsync);

    private static Command Build(string name, string description, CliConsole console, Func<NotebookNotary, NotebookDocument, string, CliConsole, Task<int>> one)
    {
        var files = CliArguments.Files("Notebooks (\"-\" reads standard input).");
        var notaryOptions = new NotaryCliOptions();
        var command = new Command(name, description) { files };
        notaryOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var notary = await notaryOptions.TryOpenAsync(parse, console).ConfigureAwait(false);
            if (notary is null)
            {
                return ExitCodes.BadInput;
            }

            var exit = ExitCodes.Success;
            foreach (var file in parse.GetRequiredValue(files))
            {
                var read = await NotebookInput.TryReadAsync(file, console, ct).ConfigureAwait(false);
                var code = read is null
                    ? ExitCodes.BadInput
                    : await one(notary.Notary, read.Document, file == NotebookInput.StdinName ? "<stdin>" : file, console).ConfigureAwait(false);
                exit = NotebookInput.Worst(exit, code);
            }

            return exit;
        });
        return command;
    }

    private static async Task<int> TrustOneAsync(NotebookNotary notary, NotebookDocument notebook, string name, CliConsole console)
    {
        // The same two messages as `jupyter trust`, so scripts written against it keep working.
        if (notary.CheckSignature(notebook))
        {
            await console.Out.WriteLineAsync($"Notebook already signed: {name}").ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteLineAsync($"Signing notebook: {name}").ConfigureAwait(false);
            notary.Sign(notebook);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> UntrustOneAsync(NotebookNotary notary, NotebookDocument notebook, string name, CliConsole console)
    {
        if (notary.CheckSignature(notebook))
        {
            notary.Unsign(notebook);
            await console.Out.WriteLineAsync($"Removing notebook signature: {name}").ConfigureAwait(false);
        }
        else
        {
            await console.Out.WriteLineAsync($"Notebook not signed: {name}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> VerifyOneAsync(NotebookNotary notary, NotebookDocument notebook, string name, CliConsole console)
    {
        var trusted = notary.CheckSignature(notebook);
        await console.Out.WriteLineAsync($"{name}: {(trusted ? "trusted" : "not trusted")}").ConfigureAwait(false);
        return trusted ? ExitCodes.Success : ExitCodes.Findings;
    }
}
