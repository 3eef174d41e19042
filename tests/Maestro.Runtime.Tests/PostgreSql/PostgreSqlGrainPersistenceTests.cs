using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage.Grains;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// Grains on silos configured with <c>AddPostgreSqlGrainStorageAsDefault</c>, as a host would configure them: state
/// lives in PostgreSQL across restarts and crashes, a silo refuses a database it does not understand, and two silos of
/// one service sharing a database never lose an update to each other.
/// </summary>
public sealed class PostgreSqlGrainPersistenceTests(PostgreSqlStorageFixture fixture) : IClassFixture<PostgreSqlStorageFixture>
{
    [Fact]
    public async Task Grain_state_is_kept_in_postgresql_across_a_graceful_restart_and_a_kill_of_the_silo()
    {
        var database = await fixture.CreateDatabaseAsync();
        var serviceId = $"persist-{Guid.NewGuid():N}";
        await using var cluster = Cluster(database, serviceId);
        await cluster.DeployAsync();
        var keys = Enumerable.Range(1, 10).Select(i => $"counter-{i}").ToList();
        await Task.WhenAll(keys.Select((key, i) => cluster.Client.GetGrain<IPersistentCounterGrain>(key).Add(i + 1)));

        await cluster.RestartSiloAsync();
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i + 2, await cluster.Client.GetGrain<IPersistentCounterGrain>(keys[i]).Add(1));
        }

        await cluster.KillSiloAsync();
        await cluster.DeployAsync();
        for (var i = 0; i < keys.Count; i++)
        {
            var counter = cluster.Client.GetGrain<IPersistentCounterGrain>(keys[i]);
            Assert.Equal(i + 2, await counter.Get());

            // The record is PostgreSQL's, not the test cluster's SQLite file.
            var row = await PostgreSqlGrainStateTable.ReadRowAsync(database, serviceId, counter.GetGrainId(), "count");
            Assert.NotNull(row);
            Assert.Equal(await counter.GetEtag(), row.Etag.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_silo_does_not_start_on_a_database_whose_schema_is_newer_than_it_knows()
    {
        var database = await fixture.CreateDatabaseAsync();
        var serviceId = $"newer-{Guid.NewGuid():N}";
        await using (var current = Cluster(database, serviceId))
        {
            await current.DeployAsync();
        }

        await PostgreSqlGrainStateTable.ExecuteAsync(
            database, "INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-a-newer-silo')", PostgreSqlSchema.Version + 1);
        await using var older = Cluster(database, serviceId);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(older.DeployAsync);

        Assert.Contains($"schema version {PostgreSqlSchema.Version + 1}, newer than this silo knows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_silos_sharing_a_database_reject_a_stale_activations_write_and_lose_no_acknowledged_update()
    {
        // No grain directory yet, so both silos activate the grain: the database's ETag check is all that protects it.
        var database = await fixture.CreateDatabaseAsync();
        var serviceId = $"shared-{Guid.NewGuid():N}";
        await using var siloA = Cluster(database, serviceId);
        await using var siloB = Cluster(database, serviceId);
        await siloA.DeployAsync();
        await siloB.DeployAsync();
        var onA = siloA.Client.GetGrain<IPersistentCounterGrain>("shared");
        var onB = siloB.Client.GetGrain<IPersistentCounterGrain>("shared");
        Assert.Equal(0, await onA.Get());
        Assert.Equal(0, await onB.Get());

        Assert.Equal(1, await onA.Add(1));
        await Assert.ThrowsAsync<InconsistentStateException>(() => onB.Add(10));

        // The failed activation was replaced: its next call reads what the other silo wrote and builds on it.
        Assert.Equal(11, await onB.Add(10));
        await Assert.ThrowsAsync<InconsistentStateException>(() => onA.Add(100));
        Assert.Equal(111, await onA.Add(100));

        // A third silo sees the sum of every acknowledged addition.
        await using var siloC = Cluster(database, serviceId);
        await siloC.DeployAsync();
        Assert.Equal(111, await siloC.Client.GetGrain<IPersistentCounterGrain>("shared").Get());
    }

    private static InProcessTestCluster Cluster(string database, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder().ConfigureSilo(silo => silo.AddPostgreSqlGrainStorageAsDefault(o => o.ConnectionString = database));
        builder.Options.ServiceId = serviceId;
        return builder.Build();
    }
}
