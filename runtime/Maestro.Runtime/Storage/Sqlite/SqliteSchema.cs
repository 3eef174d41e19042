using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>
/// Applies numbered schema scripts once per component, recorded in <c>schema_migrations</c>, so several providers can
/// share one database file and a newer silo upgrades an older file in place.
/// </summary>
internal static class SqliteSchema
{
    public static void Apply(SqliteConnection connection, string component, IReadOnlyList<string> scripts)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM schema_migrations WHERE component = $component";
        read.Parameters.AddWithValue("$component", component);
        var current = read.ExecuteScalar() is long version ? (int)version : 0;
        if (current > scripts.Count)
        {
            throw new InvalidOperationException(
                $"The database at {connection.DataSource} has schema version {current} for '{component}', newer than this silo knows ({scripts.Count}). Upgrade the silo.");
        }

        for (var i = current; i < scripts.Count; i++)
        {
            Execute(connection, transaction, scripts[i]);
        }

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT INTO schema_migrations(component, version) VALUES ($component, $version) ON CONFLICT(component) DO UPDATE SET version = excluded.version";
        write.Parameters.AddWithValue("$component", component);
        write.Parameters.AddWithValue("$version", scripts.Count);
        write.ExecuteNonQuery();
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
