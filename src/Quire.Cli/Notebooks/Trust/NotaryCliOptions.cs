using System.CommandLine;
using Quire.Cli.Hosting;
using Quire.Notebook.Signatures;

namespace Quire.Cli.Notebooks.Trust;

/// <summary>The options every trust command takes: where Jupyter's key and signature database are.</summary>
internal sealed class NotaryCliOptions
{
    public Option<string> SecretFile { get; } = new("--secret-file")
    {
        Description = "The signing key (default: the Jupyter data dir's notebook_secret; created when absent).",
    };

    public Option<string> DbFile { get; } = new("--db-file")
    {
        Description = "The signature database (default: the Jupyter data dir's nbsignatures.db; \":memory:\" keeps nothing).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(SecretFile);
        command.Options.Add(DbFile);
    }

    /// <summary>
    /// Opens the notary, or writes why not and returns null. The data dir comes from the environment only for the
    /// files not given on the command line, so that both options together touch nothing of the user's.
    /// </summary>
    public async Task<JupyterNotary?> TryOpenAsync(ParseResult parse, CliConsole console)
    {
        var secretFile = parse.GetValue(SecretFile);
        var dbFile = parse.GetValue(DbFile);
        var options = new NotaryOptions
        {
            DataDir = secretFile is not null && dbFile is not null ? Path.GetDirectoryName(Path.GetFullPath(secretFile)) ?? "." : JupyterPaths.DataDir(),
            SecretFile = secretFile,
            DbFile = dbFile,
        };
        var warnings = new List<string>();
        try
        {
            var notary = JupyterNotary.Open(options, TimeProvider.System, warnings.Add);
            foreach (var warning in warnings)
            {
                await console.Error.WriteLineAsync($"quire: warning: {warning}").ConfigureAwait(false);
            }

            return notary;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await console.Error.WriteLineAsync($"quire: cannot open the trust store: {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
