using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>Opens connections to one SQLite file in WAL mode with the chosen durability.</summary>
internal static class SqliteConnectionFactory
{
    public static SqliteConnection Open(string databasePath, SqliteDurability durability, TimeSpan busyTimeout)
    {
        if (string.IsNullOrWhiteSpace(databasePath))
        {
            throw new InvalidOperationException("The SQLite database path is not set.");
        }

        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText =
            $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(durability == SqliteDurability.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
