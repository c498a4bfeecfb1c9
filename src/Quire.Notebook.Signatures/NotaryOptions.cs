using Quire.Notebook.Signing;

namespace Quire.Notebook.Signatures;

/// <summary>
/// Where the notary keeps its key and database, independent of the environment: callers fill it from their command
/// line or configuration; <see cref="FromEnvironment"/> gives Jupyter's defaults.
/// </summary>
public sealed class NotaryOptions
{
    public const string SecretFileName = "notebook_secret";
    public const string DbFileName = "nbsignatures.db";

    /// <summary>The directory holding both files unless they are given one by one.</summary>
    public required string DataDir { get; init; }

    /// <summary>The key file; <c>DataDir/notebook_secret</c> when null.</summary>
    public string? SecretFile { get; init; }

    /// <summary>The SQLite database; <c>DataDir/nbsignatures.db</c> when null; ":memory:" keeps nothing on disk.</summary>
    public string? DbFile { get; init; }

    public string Algorithm { get; init; } = NotebookNotary.DefaultAlgorithm;

    /// <summary>How many signatures to keep before the oldest quarter is culled (Jupyter's default 65535).</summary>
    public int CacheSize { get; init; } = SqliteSignatureStore.DefaultCacheSize;

    public string ResolvedSecretFile => SecretFile ?? Path.Combine(DataDir, SecretFileName);

    public string ResolvedDbFile => DbFile ?? Path.Combine(DataDir, DbFileName);

    /// <summary>Jupyter's defaults for this process (see <see cref="JupyterPaths.DataDir()"/>).</summary>
    public static NotaryOptions FromEnvironment() => new() { DataDir = JupyterPaths.DataDir() };
}
