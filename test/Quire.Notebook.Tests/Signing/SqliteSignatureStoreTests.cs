using Microsoft.Data.Sqlite;
using Quire.Notebook.Signatures;

namespace Quire.Notebook.Tests.Signing;

public sealed class SqliteSignatureStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quire-sig-").FullName;
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234560));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Store_CreatesJupyterSchema_AndWritesPythonTimestamps()
    {
        var db = Path.Combine(_dir, "nbsignatures.db");
        using (var store = new SqliteSignatureStore(db, _clock))
        {
            store.StoreSignature("abc", "sha256");
        }

        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT algorithm, signature, path, last_seen FROM nbsignatures";
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal("sha256", reader.GetString(0));
            Assert.Equal("abc", reader.GetString(1));
            Assert.True(reader.IsDBNull(2));
            Assert.Equal("2024-05-06 07:08:09.123456", reader.GetString(3));
        }

        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'algosig'";
        Assert.Equal("CREATE INDEX algosig ON nbsignatures(algorithm, signature)", command.ExecuteScalar());
    }

    [Fact]
    public void FormatTimestamp_OmitsZeroMicroseconds_AsIsoformatDoes()
    {
        Assert.Equal("2024-01-02 03:04:05", SqliteSignatureStore.FormatTimestamp(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.Equal("2024-01-02 01:04:05.000100",
            SqliteSignatureStore.FormatTimestamp(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1000)));
    }

    [Fact]
    public void CheckAndRemove_FollowStore_AndCheckRefreshesLastSeen()
    {
        var db = Path.Combine(_dir, "s.db");
        using var store = new SqliteSignatureStore(db, _clock);
        Assert.False(store.CheckSignature("abc", "sha256"));
        store.StoreSignature("abc", "sha256");
        store.StoreSignature("abc", "sha256");
        Assert.Equal(1, store.Count);
        Assert.False(store.CheckSignature("abc", "sha1"));

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.True(store.CheckSignature("abc", "sha256"));
        Assert.Equal("2024-05-07 07:08:09.123456", LastSeen(db, "abc"));

        store.RemoveSignature("abc", "sha256");
        store.RemoveSignature("never-stored", "sha256");
        Assert.False(store.CheckSignature("abc", "sha256"));
    }

    [Fact]
    public void Check_WritesLastSeen_OnlyWhenOlderThanItsResolution()
    {
        var db = Path.Combine(_dir, "r.db");
        using var store = new SqliteSignatureStore(db, _clock);
        store.StoreSignature("abc", "sha256");
        var stored = LastSeen(db, "abc");

        _clock.Advance(SqliteSignatureStore.LastSeenResolution - TimeSpan.FromSeconds(1));
        Assert.True(store.CheckSignature("abc", "sha256"));
        Assert.Equal(stored, LastSeen(db, "abc"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(store.CheckSignature("abc", "sha256"));
        Assert.Equal("2024-05-06 07:09:10.123456", LastSeen(db, "abc"));
    }

    [Fact]
    public void Check_SeesWhatAnotherConnectionCommits()
    {
        var db = Path.Combine(_dir, "shared.db");
        using var server = new SqliteSignatureStore(db, _clock);
        using var trustCommand = new SqliteSignatureStore(db, _clock);
        Assert.False(server.CheckSignature("abc", "sha256"));
        Assert.False(server.CheckSignature("abc", "sha256"));

        trustCommand.StoreSignature("abc", "sha256");
        Assert.True(server.CheckSignature("abc", "sha256"));

        trustCommand.RemoveSignature("abc", "sha256");
        Assert.False(server.CheckSignature("abc", "sha256"));
    }

    [Fact]
    public void Store_BeyondCacheSize_KeepsMostRecentlySeenThreeQuarters()
    {
        using var store = new SqliteSignatureStore(Path.Combine(_dir, "c.db"), _clock, cacheSize: 8);
        for (var i = 0; i < 9; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            store.StoreSignature($"d{i}", "sha256");
        }

        Assert.Equal(6, store.Count);
        Assert.False(store.CheckSignature("d2", "sha256"));
        Assert.True(store.CheckSignature("d3", "sha256"));
        Assert.True(store.CheckSignature("d8", "sha256"));
    }

    [Fact]
    public void CorruptDatabase_IsMovedAside_AndReplaced()
    {
        var db = Path.Combine(_dir, "bad.db");
        File.WriteAllText(db, new string('x', 4096));
        var warnings = new List<string>();

        using var store = new SqliteSignatureStore(db, _clock, warn: warnings.Add);
        store.StoreSignature("abc", "sha256");

        Assert.Equal(db, store.DbFile);
        Assert.True(File.Exists(db + ".bak"));
        Assert.Single(warnings);
        Assert.True(store.CheckSignature("abc", "sha256"));
    }

    private static string LastSeen(string db, string digest)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_seen FROM nbsignatures WHERE signature = $s";
        command.Parameters.AddWithValue("$s", digest);
        return (string)command.ExecuteScalar()!;
    }
}
