using System.Globalization;
using Microsoft.Data.Sqlite;
using Quire.Notebook.Signing;

namespace Quire.Notebook.Signatures;

/// <summary>
/// Jupyter's signature database (<c>nbsignatures.db</c>), read and written exactly as nbformat's
/// <c>SQLiteSignatureStore</c> does: same table, columns and index; <c>last_seen</c> as Python's sqlite3 adapter
/// writes a UTC datetime; beyond <see cref="CacheSize"/> entries all but the most recently seen 75% are deleted.
/// An unreadable database is renamed to <c>.bak</c> and replaced, or failing that kept in memory, as Python does.
/// </summary>
public sealed class SqliteSignatureStore : INotebookSignatureStore, IDisposable
{
    public const int DefaultCacheSize = 65535;
    public const string InMemory = ":memory:";

    private const int MaxKnown = 4096;

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>How stale <c>last_seen</c> may be before a check writes it again.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS nbsignatures
        (
            id integer PRIMARY KEY AUTOINCREMENT,
            algorithm text,
            signature text,
            path text,
            last_seen timestamp
        )
        """;

    private const string CreateIndex = "CREATE INDEX IF NOT EXISTS algosig ON nbsignatures(algorithm, signature)";

    private readonly TimeProvider _timeProvider;
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();
    private readonly SqliteCommand _dataVersion;
    private readonly Dictionary<(string Algorithm, string Digest), Known> _known = [];
    private long _seenDataVersion = -1;

    public SqliteSignatureStore(string dbFile, TimeProvider timeProvider, int cacheSize = DefaultCacheSize, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(dbFile);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheSize, 1);
        _timeProvider = timeProvider;
        CacheSize = cacheSize;
        DbFile = dbFile;
        (_db, DbFile) = Connect(dbFile, warn);
        _dataVersion = _db.CreateCommand();
        _dataVersion.CommandText = "PRAGMA data_version";
    }

    /// <summary>The database in use: the one asked for, or ":memory:" when it could not be opened nor replaced.</summary>
    public string DbFile { get; }

    public int CacheSize { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                using var command = Command("SELECT Count(*) FROM nbsignatures");
                return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }
    }

    public void StoreSignature(string digest, string algorithm)
    {
        lock (_lock)
        {
            var seen = CheckLocked(digest, algorithm);
            if (seen is null)
            {
                using var insert = Command("INSERT INTO nbsignatures (algorithm, signature, last_seen) VALUES ($algorithm, $signature, $now)", digest, algorithm);
                insert.ExecuteNonQuery();
                seen = _timeProvider.GetUtcNow();
            }

            Remember(digest, algorithm, present: true, seen.Value);

            using var count = Command("SELECT Count(*) FROM nbsignatures");
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > CacheSize)
            {
                using var cull = Command("""
                    DELETE FROM nbsignatures WHERE id IN (
                        SELECT id FROM nbsignatures ORDER BY last_seen DESC LIMIT -1 OFFSET $keep
                    )
                    """);
                cull.Parameters.AddWithValue("$keep", Math.Max((int)(0.75 * CacheSize), 1));
                cull.ExecuteNonQuery();
                _known.Clear();
            }
        }
    }

    public bool CheckSignature(string digest, string algorithm)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(algorithm);
        lock (_lock)
        {
            // Every GET of a notebook asks; the answer is remembered until another connection (Jupyter's `jupyter
            // trust`, another server) commits to the database, which SQLite's data_version tells without a query of
            // the table. A known signature is still looked up (and its last_seen refreshed) once a resolution period.
            ForgetIfChangedElsewhere();
            var now = _timeProvider.GetUtcNow();
            if (_known.TryGetValue((algorithm, digest), out var known) && (!known.Present || now - known.LastSeen < LastSeenResolution))
            {
                return known.Present;
            }

            var seen = CheckLocked(digest, algorithm);
            Remember(digest, algorithm, seen is not null, seen ?? now);
            return seen is not null;
        }
    }

    public void RemoveSignature(string digest, string algorithm)
    {
        lock (_lock)
        {
            using var delete = Command("DELETE FROM nbsignatures WHERE algorithm = $algorithm AND signature = $signature", digest, algorithm);
            delete.ExecuteNonQuery();
            Remember(digest, algorithm, present: false, _timeProvider.GetUtcNow());
        }
    }

    public void Dispose()
    {
        _dataVersion.Dispose();
        _db.Dispose();
    }

    /// <summary>
    /// Python's sqlite3 adapter for <c>datetime</c> (<c>isoformat(" ")</c>): "YYYY-MM-DD HH:MM:SS.ffffff", the fraction
    /// left out when the microseconds are zero. Python's timestamp converter reads both, and text order is time order.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var microseconds = (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10);
        var seconds = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return microseconds == 0 ? seconds : seconds + "." + microseconds.ToString("D6", CultureInfo.InvariantCulture);
    }

    private void ForgetIfChangedElsewhere()
    {
        var version = Convert.ToInt64(_dataVersion.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version != _seenDataVersion)
        {
            _seenDataVersion = version;
            _known.Clear();
        }
    }

    private void Remember(string digest, string algorithm, bool present, DateTimeOffset lastSeen)
    {
        if (_known.Count >= MaxKnown)
        {
            _known.Clear();
        }

        _known[(algorithm, digest)] = new Known(present, lastSeen);
    }

    /// <summary>The signature's last_seen after the check (refreshed when it was stale), or null when it is absent.</summary>
    private DateTimeOffset? CheckLocked(string digest, string algorithm)
    {
        // Python selects, then updates last_seen and commits on every check. Here a read answers, and last_seen is
        // written only when it is older than LastSeenResolution: a write is a transaction (a journal and an fsync on
        // disk) on every GET of a trusted notebook, while last_seen only orders the culling of old signatures.
        using var select = Command("SELECT id, last_seen FROM nbsignatures WHERE algorithm = $algorithm AND signature = $signature LIMIT 1", digest, algorithm);
        long id;
        string? lastSeen;
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            id = reader.GetInt64(0);
            lastSeen = reader.IsDBNull(1) ? null : reader.GetValue(1) as string;
        }

        var now = _timeProvider.GetUtcNow();
        if (lastSeen is not null && string.CompareOrdinal(lastSeen, FormatTimestamp(now - LastSeenResolution)) >= 0
            && DateTimeOffset.TryParseExact(lastSeen, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var seen))
        {
            return seen;
        }

        using var update = Command("UPDATE nbsignatures SET last_seen = $now WHERE id = $id");
        update.Parameters.AddWithValue("$now", FormatTimestamp(now));
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
        return now;
    }

    private SqliteCommand Command(string sql, string? digest = null, string? algorithm = null)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        if (digest is not null)
        {
            command.Parameters.AddWithValue("$signature", digest);
            command.Parameters.AddWithValue("$algorithm", algorithm);
            command.Parameters.AddWithValue("$now", FormatTimestamp(_timeProvider.GetUtcNow()));
        }

        return command;
    }

    private static (SqliteConnection Db, string File) Connect(string dbFile, Action<string>? warn)
    {
        try
        {
            return (Open(dbFile), dbFile);
        }
        catch (SqliteException) when (dbFile != InMemory)
        {
            var backup = dbFile + ".bak";
            warn?.Invoke($"The signatures database cannot be opened; maybe it is corrupted or encrypted. The old signatures database has been renamed to {backup} and a new one has been created.");
            try
            {
                File.Move(dbFile, backup, overwrite: true);
                return (Open(dbFile), dbFile);
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                warn?.Invoke("Failed commiting signatures database to disk. Using in-memory signatures database for the remainder of this session.");
                return (Open(InMemory), InMemory);
            }
        }
    }

    private static SqliteConnection Open(string dbFile)
    {
        // No pooling: Jupyter opens the same file, and a pooled handle would outlive Dispose.
        var builder = new SqliteConnectionStringBuilder { DataSource = dbFile, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate };
        var db = new SqliteConnection(builder.ConnectionString);
        try
        {
            db.Open();
            using var create = db.CreateCommand();
            create.CommandText = CreateTable;
            create.ExecuteNonQuery();
            create.CommandText = CreateIndex;
            create.ExecuteNonQuery();
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private readonly record struct Known(bool Present, DateTimeOffset LastSeen);
}
