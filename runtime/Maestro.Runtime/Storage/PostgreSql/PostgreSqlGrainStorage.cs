using System.Globalization;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Cluster.PostgreSql;
using Npgsql;

namespace Maestro.Runtime.Storage.PostgreSql;

/// <summary>
/// Grain state in PostgreSQL, shared by every silo of a cluster, with the SQLite provider's semantics. A row is keyed by
/// service id, grain type, the exact key string and the state name (byte-wise text, so neither Orleans #8746 nor #9706
/// can happen). The ETag is an integer checked in the same statement that writes, so of concurrent writers holding one
/// ETag the database lets exactly one through. Every ETag comes from one database sequence, so no ETag is ever issued
/// twice, even for a record that a delete-on-clear removed and a new activation recreated. The payload is the
/// serializer's UTF-8 JSON, stored byte for byte as <c>bytea</c>. Nothing is retried: a failed operation throws, and
/// the next one connects afresh if the failed one lost its connection.
/// </summary>
public sealed class PostgreSqlGrainStorage : IGrainStorage, ISiloLifecycleParticipant, IAsyncDisposable
{
    // $1..$4 are always the key: service id, grain type, grain key, state name.
    private const string Key = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";
    private const string ReadSql = $"SELECT payload, etag FROM grain_state WHERE {Key}";
    private const string StoredEtagSql = $"SELECT etag FROM grain_state WHERE {Key}";

    private const string Columns = "(service_id, grain_type, grain_key, state_name, payload, etag, modified_at)";
    private const string NewRow = "$1, $2, $3, $4, $5, nextval('grain_state_etag'), now()";

    private readonly string name;
    private readonly PostgreSqlGrainStorageOptions options;
    private readonly string serviceId;
    private readonly GrainSerializer serializer;
    private readonly NpgsqlDataSource dataSource;
    private readonly MembershipWriteFence? fence;
    private readonly string insertSql;
    private readonly string updateSql;
    private readonly string tombstoneSql;
    private readonly string deleteSql;
    private readonly string database;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private volatile bool started;
    private int disposed;

    public PostgreSqlGrainStorage(string name, PostgreSqlGrainStorageOptions options, IOptions<ClusterOptions> clusterOptions, GrainSerializer serializer)
        : this(name, options, clusterOptions, serializer, fence: null)
    {
    }

    /// <summary>In a cluster: <paramref name="fence"/> guards every write when the storage shares the membership database.</summary>
    internal PostgreSqlGrainStorage(string name, PostgreSqlGrainStorageOptions options, IOptions<ClusterOptions> clusterOptions, GrainSerializer serializer, MembershipWriteFence? fence)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"PostgreSQL grain storage '{name}' has no ConnectionString.");
        }

        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never the password.
            throw new InvalidOperationException($"PostgreSQL grain storage '{name}' has an invalid ConnectionString: {ex.Message}", ex);
        }

        builder.Name = $"maestro-storage-{name}";
        database = $"'{builder.ConnectionStringBuilder.Database}' on {builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}";
        dataSource = builder.Build();
        this.name = name;
        this.options = options;
        serviceId = clusterOptions.Value.ServiceId;
        this.serializer = serializer;
        this.fence = fence is not null && fence.Guards(builder.ConnectionStringBuilder) ? fence : null;

        // Every write is guarded by its ETag and, in a cluster, by the writer's membership row (see MembershipWriteFence).
        // ON CONFLICT DO NOTHING: of concurrent first writes, the others wait for the winner's commit and then insert
        // nothing, which the missing RETURNING row reports. A tombstone is a conflict too: its ETag must be presented.
        insertSql = this.fence is null
            ? $"INSERT INTO grain_state {Columns} VALUES ({NewRow}) ON CONFLICT DO NOTHING RETURNING etag"
            : $"INSERT INTO grain_state {Columns} SELECT {NewRow} WHERE {MembershipWriteFence.Condition(6)} ON CONFLICT DO NOTHING RETURNING etag";
        updateSql = $"UPDATE grain_state SET payload = $5, etag = nextval('grain_state_etag'), modified_at = now() WHERE {Key} AND etag = $6{Fenced(7)} RETURNING etag";
        tombstoneSql = $"UPDATE grain_state SET payload = NULL, etag = nextval('grain_state_etag'), modified_at = now() WHERE {Key} AND etag = $5{Fenced(6)} RETURNING etag";
        deleteSql = $"DELETE FROM grain_state WHERE {Key} AND etag = $5{Fenced(6)} RETURNING etag";
    }

    /// <summary>True when writes are fenced by this silo's membership row (cluster mode, same database).</summary>
    internal bool IsFenced => fence is not null;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await EnsureStartedAsync(CancellationToken.None);
        byte[]? payload;
        long etag;
        try
        {
            await using var command = Command(ReadSql, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                Reset(grainState, etag: null);
                return;
            }

            payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
            etag = reader.GetInt64(1);
        }
        catch (NpgsqlException ex)
        {
            throw Failure("Reading", stateName, grainId, ex);
        }

        if (payload is null)
        {
            Reset(grainState, Format(etag));
            return;
        }

        try
        {
            grainState.State = serializer.Deserialize<T>(payload) ?? StateFactory.Create<T>();
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new OrleansException(
                $"State '{stateName}' of grain {grainId} in storage '{name}' cannot be read as {typeof(T).Name}: {ex.Message}", ex);
        }

        grainState.ETag = Format(etag);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State, typeof(T));
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        await EnsureStartedAsync(CancellationToken.None);
        var written = expected is null
            ? await GuardedAsync("write", insertSql, stateName, grainId, expected, new NpgsqlParameter<byte[]> { TypedValue = payload })
            : await GuardedAsync("write", updateSql, stateName, grainId, expected, new NpgsqlParameter<byte[]> { TypedValue = payload }, new NpgsqlParameter<long> { TypedValue = expected.Value });
        grainState.ETag = Format(written);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        await EnsureStartedAsync(CancellationToken.None);
        if (expected is null)
        {
            // Nothing to clear is fine (Orleans #3516); a record this activation never read is a conflict, as for a write.
            long? stored;
            try
            {
                stored = await StoredEtagAsync(stateName, grainId);
            }
            catch (NpgsqlException ex)
            {
                throw Failure("Clearing", stateName, grainId, ex);
            }

            if (stored is not null)
            {
                throw Conflict("clear", stateName, grainId, stored, null);
            }

            Reset(grainState, etag: null);
            return;
        }

        var result = await GuardedAsync(
            "clear", options.DeleteStateOnClear ? deleteSql : tombstoneSql, stateName, grainId, expected, new NpgsqlParameter<long> { TypedValue = expected.Value });
        Reset(grainState, options.DeleteStateOnClear ? null : Format(result));
    }

    /// <summary>Applies the schema, so a silo whose database is unreachable or too new does not start.</summary>
    public async Task OnSiloStartAsync(CancellationToken cancellationToken) => await EnsureStartedAsync(cancellationToken);

    /// <summary>Nothing to flush: every acknowledged write is committed. Connections close when the silo disposes the provider.</summary>
    public Task OnSiloStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Idempotent: the silo's container disposes the provider, and a host may too.
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await dataSource.DisposeAsync();
        }
    }

    private static void Reset<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = StateFactory.Create<T>();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static string Format(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    private static long? ParseEtag(string? etag, string stateName, GrainId grainId) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InconsistentStateException($"ETag '{etag}' of state '{stateName}' of grain {grainId} was not issued by this storage.", null, etag);

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, long? stored, long? expected) =>
        new($"Version conflict on {operation} of state '{stateName}' of grain {grainId}: another activation changed it.",
            stored?.ToString(CultureInfo.InvariantCulture),
            expected?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Runs one guarded statement (the ETag guard is in its WHERE clause or its ON CONFLICT, the fence in its WHERE
    /// clause) and returns the ETag it reports. No row means a guard failed and nothing was written. The conflict names
    /// the ETag stored now, read in a second statement on purpose: under READ COMMITTED it sees the winner that made
    /// this one fail.
    /// </summary>
    private async Task<long> GuardedAsync(string operation, string sql, string stateName, GrainId grainId, long? expected, params NpgsqlParameter[] values)
    {
        try
        {
            await using var command = Command(sql, stateName, grainId);
            command.Parameters.AddRange(values);
            var siloId = fence?.SiloId;
            if (fence is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fence.ClusterId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = siloId });
            }

            if (await command.ExecuteScalarAsync() is long etag)
            {
                return etag;
            }

            if (fence is not null && !await IsLiveAsync(siloId!))
            {
                throw new InconsistentStateException(
                    $"The {operation} of state '{stateName}' of grain {grainId} was refused: the cluster declared silo {siloId} dead, so this activation is stale and the grain lives on another silo.",
                    null,
                    expected?.ToString(CultureInfo.InvariantCulture));
            }

            throw Conflict(operation, stateName, grainId, await StoredEtagAsync(stateName, grainId), expected);
        }
        catch (NpgsqlException ex)
        {
            throw Failure(operation == "write" ? "Writing" : "Clearing", stateName, grainId, ex);
        }
    }

    private async Task<bool> IsLiveAsync(string siloId)
    {
        await using var command = dataSource.CreateCommand(MembershipWriteFence.StatusSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fence!.ClusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = siloId });
        return await command.ExecuteScalarAsync() is short status and >= 2 and <= 5;
    }

    private async Task<long?> StoredEtagAsync(string stateName, GrainId grainId)
    {
        await using var command = Command(StoredEtagSql, stateName, grainId);
        return await command.ExecuteScalarAsync() as long?;
    }

    private string Fenced(int first) => fence is null ? string.Empty : $" AND {MembershipWriteFence.Condition(first)}";

    private NpgsqlCommand Command(string sql, string stateName, GrainId grainId)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        return command;
    }

    /// <summary>
    /// The error a caller sees when the database failed, as opposed to an ETag conflict. It is not retried: a write whose
    /// connection broke may or may not have committed, and the ETag rules sort that out on the grain's next write. After
    /// a lost connection Npgsql discards the pool's other idle connections, so the next operation connects afresh.
    /// </summary>
    private OrleansException Failure(string operation, string stateName, GrainId grainId, NpgsqlException ex) =>
        new($"{operation} state '{stateName}' of grain {grainId} in PostgreSQL storage '{name}' (database {database}) failed and was not retried: {ex.Message}", ex);

    private async ValueTask EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (started)
        {
            return;
        }

        await startGate.WaitAsync(cancellationToken);
        try
        {
            if (!started)
            {
                try
                {
                    await PostgreSqlSchema.ApplyAsync(dataSource, cancellationToken);
                }
                catch (NpgsqlException ex)
                {
                    throw new OrleansException(
                        $"PostgreSQL grain storage '{name}' could not prepare database {database}: {ex.Message}", ex);
                }

                started = true;
            }
        }
        finally
        {
            startGate.Release();
        }
    }
}
