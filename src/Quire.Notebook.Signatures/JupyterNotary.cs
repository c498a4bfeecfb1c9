using Quire.Notebook.Signing;

namespace Quire.Notebook.Signatures;

/// <summary>
/// A <see cref="NotebookNotary"/> on Jupyter's files: the secret from (or newly written to) the key file and the
/// signatures in the SQLite database, so that Quire and Jupyter trust the same notebooks.
/// </summary>
public sealed class JupyterNotary : IDisposable
{
    private readonly SqliteSignatureStore _store;

    private JupyterNotary(NotebookNotary notary, SqliteSignatureStore store, string secretFile)
    {
        Notary = notary;
        _store = store;
        SecretFile = secretFile;
    }

    public NotebookNotary Notary { get; }

    public string SecretFile { get; }

    public string DbFile => _store.DbFile;

    /// <summary>Opens the key and database, creating them (and a private data directory) when absent.</summary>
    /// <param name="options">Paths and settings.</param>
    /// <param name="timeProvider">The clock for <c>last_seen</c>.</param>
    /// <param name="warn">Told when the database had to be moved aside or kept in memory, as Python logs it.</param>
    public static JupyterNotary Open(NotaryOptions options, TimeProvider timeProvider, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.SecretFile is null || options.DbFile is null)
        {
            if (!Directory.Exists(options.DataDir))
            {
                NotarySecret.CreatePrivateDirectory(options.DataDir);
            }
        }

        var secret = NotarySecret.LoadOrCreate(options.ResolvedSecretFile);
        var dbFile = options.ResolvedDbFile;
        if (dbFile != SqliteSignatureStore.InMemory && Path.GetDirectoryName(Path.GetFullPath(dbFile)) is { } dbDir && !Directory.Exists(dbDir))
        {
            NotarySecret.CreatePrivateDirectory(dbDir);
        }

        var store = new SqliteSignatureStore(dbFile, timeProvider, options.CacheSize, warn);
        try
        {
            return new JupyterNotary(new NotebookNotary(secret, store, options.Algorithm), store, options.ResolvedSecretFile);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose() => _store.Dispose();
}
