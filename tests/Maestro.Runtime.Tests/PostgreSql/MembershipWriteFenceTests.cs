using Maestro.Runtime.Cluster;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage;
using Npgsql;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// The write fence (orleans.md §7.9): in a cluster, PostgreSQL grain storage commits a silo's state write only while
/// that silo's membership row is live, checked and share-locked in the writing statement itself. A silo that wakes up
/// after the cluster declared it dead cannot commit anything, even where its ETag is still current (nobody wrote the
/// grain since), and a write racing the declaration either commits before it or is refused after it.
/// </summary>
public sealed class MembershipWriteFenceTests(PostgreSqlStorageFixture fixture) : IClassFixture<PostgreSqlStorageFixture>
{
    private const string StateName = "state";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_declared_dead_cannot_write_or_clear_even_with_the_current_etag_and_the_stored_state_is_unchanged()
    {
        await using var silo = await FencedSiloAsync();
        var grainId = NewGrainId();
        var state = new GrainState<ConformanceState>(new ConformanceState { Number = 1, Text = "before" });
        await silo.Storage.WriteStateAsync(StateName, grainId, state);
        var acknowledged = state.ETag;

        await silo.DeclareDeadAsync();

        state.State.Number = 2;
        var write = await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, grainId, state));
        Assert.Contains($"declared silo {silo.Address} dead", write.Message, StringComparison.Ordinal);
        var clear = await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.ClearStateAsync(StateName, grainId, state));
        Assert.Contains("declared silo", clear.Message, StringComparison.Ordinal);
        var fresh = await Assert.ThrowsAsync<InconsistentStateException>(
            () => silo.Storage.WriteStateAsync(StateName, NewGrainId(), new GrainState<ConformanceState>(new ConformanceState())));
        Assert.Contains("declared silo", fresh.Message, StringComparison.Ordinal);

        var stored = await ReadAsync(silo.Storage, grainId);
        Assert.Equal(acknowledged, stored.ETag);
        Assert.Equal(1, stored.State.Number);
    }

    [Fact]
    public async Task A_write_that_waits_on_a_declaration_of_death_in_progress_is_refused_once_the_declaration_commits()
    {
        await using var silo = await FencedSiloAsync();
        var grainId = NewGrainId();
        var state = new GrainState<ConformanceState>(new ConformanceState { Number = 1 });
        await silo.Storage.WriteStateAsync(StateName, grainId, state);

        // The sweep's UPDATE, held open: the fenced write must wait for it instead of reading the silo as still live.
        await using var sweep = await OpenAsync();
        await using var transaction = await sweep.BeginTransactionAsync(Cancel);
        await using (var declare = new NpgsqlCommand("UPDATE silos SET status = 6 WHERE cluster_id = $1 AND silo_id = $2", sweep, transaction))
        {
            declare.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.ClusterId });
            declare.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Address.ToString() });
            Assert.Equal(1, await declare.ExecuteNonQueryAsync(Cancel));
        }

        state.State.Number = 2;
        var write = silo.Storage.WriteStateAsync(StateName, grainId, state);
        await WaitUntilABackendWaitsOnALockAsync();
        await transaction.CommitAsync(Cancel);

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => write);
        Assert.Contains("declared silo", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await ReadAsync(silo.Storage, grainId)).State.Number);
    }

    [Fact]
    public async Task A_live_silo_writes_while_active_and_while_shutting_down_and_a_conflict_is_still_an_etag_conflict()
    {
        await using var silo = await FencedSiloAsync();
        Assert.True(silo.Storage.IsFenced);
        var grainId = NewGrainId();
        var state = new GrainState<ConformanceState>(new ConformanceState { Number = 1 });
        await silo.Storage.WriteStateAsync(StateName, grainId, state);

        Assert.Equal(SiloStatus.ShuttingDown, (await silo.Table.SetStatusAsync(silo.Address, SiloStatus.ShuttingDown, Cancel)).Status);
        state.State.Number = 2;
        await silo.Storage.WriteStateAsync(StateName, grainId, state);
        Assert.Equal(2, (await ReadAsync(silo.Storage, grainId)).State.Number);

        var stale = new GrainState<ConformanceState>(new ConformanceState { Number = 3 }, "1");
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, grainId, stale));
        Assert.Contains("Version conflict", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(state.ETag, conflict.StoredEtag);
    }

    [Fact]
    public async Task Storage_in_another_database_than_membership_is_not_fenced()
    {
        await using var silo = await FencedSiloAsync();
        var elsewhere = await fixture.CreateDatabaseAsync();
        await using var storage = new PostgreSqlGrainStorage(
            "elsewhere",
            new PostgreSqlGrainStorageOptions { ConnectionString = elsewhere },
            Options.Create(new ClusterOptions { ServiceId = "fence", ClusterId = silo.ClusterId }),
            fixture.Serializer,
            silo.Fence);

        Assert.False(storage.IsFenced);
        var state = new GrainState<ConformanceState>(new ConformanceState { Number = 7 });
        await storage.WriteStateAsync(StateName, NewGrainId(), state);
        Assert.NotNull(state.ETag);
    }

    private async Task<FencedSilo> FencedSiloAsync()
    {
        var clusterId = $"fence-{Guid.NewGuid():N}";
        var clusterOptions = Options.Create(new ClusterOptions { ServiceId = $"fence-{Guid.NewGuid():N}", ClusterId = clusterId });
        var clustering = new PostgreSqlClusteringOptions { ConnectionString = fixture.ConnectionString };
        var table = new PostgreSqlMembershipTable(clustering, clusterOptions);
        await table.InitializeAsync(Cancel);
        var address = SiloAddress.NewGeneration("10.0.0.9", 11111);
        await table.JoinAsync(address, "fenced", null, Cancel);
        Assert.Equal(SiloStatus.Active, (await table.SetStatusAsync(address, SiloStatus.Active, Cancel)).Status);

        var view = new ClusterView();
        view.SetLocal(address);
        var fence = new MembershipWriteFence(view, clusterOptions, Options.Create(clustering));
        var storage = new PostgreSqlGrainStorage(
            "fenced", new PostgreSqlGrainStorageOptions { ConnectionString = fixture.ConnectionString }, clusterOptions, fixture.Serializer, fence);
        return new FencedSilo(clusterId, address, table, fence, storage);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Cancel);
        return connection;
    }

    /// <summary>Bounded: the write reaches the sweep's row lock within moments; the deadline only catches a write that never blocks.</summary>
    private async Task WaitUntilABackendWaitsOnALockAsync()
    {
        await using var connection = await OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync(Cancel))! > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The fenced write never waited for the declaration of death in progress: it did not lock the silo's row.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), Cancel);
        }
    }

    private static async Task<GrainState<ConformanceState>> ReadAsync(PostgreSqlGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ConformanceState>(new ConformanceState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    private static GrainId NewGrainId() => GrainId.Create("fenced", $"grain-{Guid.NewGuid():N}");

    private sealed record FencedSilo(
        string ClusterId, SiloAddress Address, PostgreSqlMembershipTable Table, MembershipWriteFence Fence, PostgreSqlGrainStorage Storage) : IAsyncDisposable
    {
        public async Task DeclareDeadAsync() =>
            Assert.Equal(SiloStatus.Dead, (await Table.SetStatusAsync(Address, SiloStatus.Dead, Cancel)).Status);

        public async ValueTask DisposeAsync()
        {
            await Storage.DisposeAsync();
            await Table.DisposeAsync();
        }
    }
}
