using System.Data.Common;
using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Maestro.Runtime.Cluster.PostgreSql;

namespace Maestro.Runtime.Sql;

/// <summary>Builds the <see cref="SqlDatabase"/> of each backend.</summary>
internal static class SqlDatabases
{
    /// <summary>The SQLite tables of streams, reminders and leases, applied per component like the grain storage's.</summary>
    private static readonly (string Component, string[] Scripts)[] SqliteScripts =
    [
        ("leases", [
            "CREATE TABLE IF NOT EXISTS leases (category TEXT NOT NULL, resource TEXT NOT NULL, owner TEXT NOT NULL, epoch INTEGER NOT NULL, expires_ms INTEGER NOT NULL, PRIMARY KEY (category, resource)) WITHOUT ROWID",
        ]),
        ("streams", [
            """
            CREATE TABLE IF NOT EXISTS stream_queues (provider TEXT NOT NULL, queue_id INTEGER NOT NULL, next_offset INTEGER NOT NULL, retained_from INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (provider, queue_id));
            CREATE TABLE IF NOT EXISTS stream_events (provider TEXT NOT NULL, queue_id INTEGER NOT NULL, seq INTEGER NOT NULL, stream_ns TEXT NOT NULL, stream_key TEXT NOT NULL, event_id TEXT NOT NULL, payload TEXT NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY (provider, queue_id, seq));
            CREATE TABLE IF NOT EXISTS stream_checkpoints (provider TEXT NOT NULL, queue_id INTEGER NOT NULL, seq INTEGER NOT NULL, lease_epoch INTEGER NOT NULL, updated_ms INTEGER NOT NULL, PRIMARY KEY (provider, queue_id));
            CREATE TABLE IF NOT EXISTS stream_subscriptions (provider TEXT NOT NULL, queue_id INTEGER NOT NULL, stream_ns TEXT NOT NULL, stream_key TEXT NOT NULL, subscription_id TEXT NOT NULL, grain_id TEXT NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY (provider, stream_ns, stream_key, subscription_id));
            CREATE INDEX IF NOT EXISTS stream_subscriptions_queue ON stream_subscriptions (provider, queue_id);
            CREATE TABLE IF NOT EXISTS stream_dead_letters (provider TEXT NOT NULL, queue_id INTEGER NOT NULL, seq INTEGER NOT NULL, subscription_id TEXT NOT NULL, grain_id TEXT NOT NULL, stream_ns TEXT NOT NULL, stream_key TEXT NOT NULL, event_id TEXT NOT NULL, payload TEXT NOT NULL, attempts INTEGER NOT NULL, error TEXT NOT NULL, dead_ms INTEGER NOT NULL, PRIMARY KEY (provider, queue_id, seq, subscription_id));
            """,
        ]),
        ("reminders", [
            """
            CREATE TABLE IF NOT EXISTS reminders (service_id TEXT NOT NULL, grain_id TEXT NOT NULL, reminder_name TEXT NOT NULL, start_ms INTEGER NOT NULL, period_ms INTEGER NOT NULL, bucket INTEGER NOT NULL, etag INTEGER NOT NULL, PRIMARY KEY (service_id, grain_id, reminder_name));
            CREATE INDEX IF NOT EXISTS reminders_bucket ON reminders (service_id, bucket);
            """,
        ]),
    ];

    public static SqlDatabase Sqlite(string databasePath, SqliteDurability durability, TimeSpan busyTimeout)
    {
        if (string.IsNullOrWhiteSpace(databasePath))
        {
            throw new InvalidOperationException("The SQLite DatabasePath of streams or reminders is not set.");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(databasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();

        // WAL is a property of the file, set once when the schema is prepared; every open only sets the per-connection
        // pragmas. Re-issuing journal_mode on each of thousands of opens a second costs more than the appends themselves.
        var pragmas = $"PRAGMA synchronous={(durability == SqliteDurability.Full ? "FULL" : "NORMAL")}; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};";
        return new SqlDatabase(
            $"SQLite '{Path.GetFullPath(databasePath)}'",
            "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)",
            _ =>
            {
                var connection = new SqliteConnection(connectionString);
                connection.Open();
                using var pragma = connection.CreateCommand();
                pragma.CommandText = pragmas;
                pragma.ExecuteNonQuery();
                return ValueTask.FromResult<DbConnection>(connection);
            },
            (connection, _) => ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false)),
            _ =>
            {
                using var connection = SqliteConnectionFactory.Open(databasePath, durability, busyTimeout);
                foreach (var (component, scripts) in SqliteScripts)
                {
                    SqliteSchema.Apply(connection, component, scripts);
                }

                return Task.CompletedTask;
            },
            serializeWrites: true);
    }

    public static SqlDatabase PostgreSql(string connectionString, string component)
    {
        // The cluster's data source builder: same validation of the connection string, same error wording.
        var (dataSource, description) = PostgreSqlClusterDatabase.Create(new PostgreSqlClusteringOptions { ConnectionString = connectionString }, component);
        var database = new SqlDatabase(
            $"PostgreSQL {description}",
            "(extract(epoch from clock_timestamp()) * 1000)::bigint",
            async cancellationToken => await dataSource.OpenConnectionAsync(cancellationToken),
            async (connection, cancellationToken) => await connection.BeginTransactionAsync(cancellationToken),
            cancellationToken => PostgreSqlSchema.ApplyAsync(dataSource, cancellationToken));
        database.Own(dataSource);
        return database;
    }
}
