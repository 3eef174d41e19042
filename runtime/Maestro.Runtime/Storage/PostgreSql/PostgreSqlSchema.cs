using System.Globalization;
using Npgsql;

namespace Maestro.Runtime.Storage.PostgreSql;

/// <summary>
/// Brings a PostgreSQL database up to the schema this silo was built with, from the numbered scripts of
/// <c>deploy/sql/postgresql</c> embedded in the runtime. Every script records its own version in
/// <c>schema_migrations</c>; the silo runs the missing ones in one transaction under an advisory lock, so silos that
/// start together apply each script once, and it refuses a database whose schema is newer than it knows.
/// </summary>
internal static class PostgreSqlSchema
{
    private const string ResourcePrefix = "Maestro.Runtime.PostgreSql.Schema.";

    /// <summary>
    /// The advisory lock every Maestro silo takes before reading or changing the schema ("Maestro" in ASCII, then 1).
    /// Advisory locks are per database, so silos of different databases on one server do not wait for each other.
    /// </summary>
    private const long MigrationLockKey = 0x4D61_6573_7472_6F01;

    private static readonly Lazy<IReadOnlyList<PostgreSqlSchemaScript>> LazyScripts = new(LoadScripts);

    /// <summary>The embedded scripts in version order; versions run 1, 2, ... without gaps.</summary>
    public static IReadOnlyList<PostgreSqlSchemaScript> Scripts => LazyScripts.Value;

    /// <summary>The schema version this silo knows: the number of the last script.</summary>
    public static int Version => Scripts.Count;

    /// <summary>
    /// Applies the scripts the database lacks, or does nothing when it is up to date (then no DDL runs, so a role without
    /// CREATE privilege works against a schema a DBA applied). Throws <see cref="InvalidOperationException"/> when the
    /// database's schema is newer than this silo's.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Taken before anything is read: two silos racing through CREATE TABLE IF NOT EXISTS can both miss the table and
        // one then fails on a duplicate catalog entry. The lock is released by the commit or rollback.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > Version)
        {
            throw new InvalidOperationException(
                $"PostgreSQL database '{connection.Database}' on {connection.Host}:{connection.Port} has Maestro schema version {current}, " +
                $"newer than this silo knows ({Version}, '{Scripts[^1].Name}'). Upgrade the silo: it does not run against a schema it does not know.");
        }

        foreach (var script in Scripts.Where(s => s.Version > current))
        {
            await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            // A script that forgot its INSERT INTO schema_migrations would be run again by every silo start, and
            // a later script's version check would be off by one; stop at once instead.
            var recorded = await CurrentVersionAsync(connection, transaction, cancellationToken);
            if (recorded != script.Version)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL schema script '{script.Name}' left schema version {recorded} instead of {script.Version}: it must record its own version in schema_migrations.");
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Two statements: a query naming schema_migrations fails to parse when the table does not exist yet.
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return 0;
        }

        await using var max = new NpgsqlCommand("SELECT COALESCE(max(version), 0) FROM schema_migrations", connection, transaction);
        return Convert.ToInt32(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<PostgreSqlSchemaScript> LoadScripts()
    {
        var assembly = typeof(PostgreSqlSchema).Assembly;
        var scripts = new List<PostgreSqlSchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource[ResourcePrefix.Length..]);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"PostgreSQL schema script '{name}' is not named NNN-description.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new PostgreSqlSchemaScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL schema scripts must be numbered 1, 2, 3, ... without gaps or duplicates; found '{scripts[i].Name}' at position {i + 1}.");
            }
        }

        return scripts.Count > 0 ? scripts : throw new InvalidOperationException("No PostgreSQL schema scripts are embedded in Maestro.Runtime.");
    }
}
