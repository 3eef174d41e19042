using Maestro.Runtime.Cluster;
using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.PostgreSql;
// Maestro.Runtime.Hosting (a global using here) has an internal class of the same name: the silo's status page.

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>
/// The cluster tables ship as schema script 002 through the same versioned mechanism as grain state: a silo brings any
/// older database up to date by itself, and starting again changes nothing.
/// </summary>
public sealed class PostgreSqlClusterSchemaTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_cluster_tables_are_schema_version_2()
    {
        Assert.Equal((2, "002-cluster"), (PostgreSqlSchema.Scripts[1].Version, PostgreSqlSchema.Scripts[1].Name));
        var database = await fixture.CreateDatabaseAsync();
        await using var directory = fixture.CreateDirectory(PostgreSqlClusterFixture.NewClusterId(), database);

        await directory.InitializeAsync(Cancel);

        var migrations = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);
        Assert.Equal([(1, "001-grain-state"), (2, "002-cluster")], migrations.Take(2).Select(m => (m.Version, m.Name)));
        Assert.Equal(PostgreSqlSchema.Scripts.Select(s => (s.Version, s.Name)), migrations.Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public async Task Applying_the_schema_again_changes_nothing_and_keeps_the_membership()
    {
        var database = await fixture.CreateDatabaseAsync();
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        var silo = PostgreSqlClusterFixture.NewSilo(11111);
        await using (var first = fixture.CreateMembershipTable(clusterId, database: database))
        {
            await first.InitializeAsync(Cancel);
            await PostgreSqlClusterFixture.StartAsync(first, silo);
        }

        var migrations = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);
        await using var second = fixture.CreateMembershipTable(clusterId, database: database);
        await using var directory = fixture.CreateDirectory(clusterId, database);

        await second.InitializeAsync(Cancel);
        await directory.InitializeAsync(Cancel);

        Assert.Equal(migrations, await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database));
        var snapshot = await second.ReadAllAsync(Cancel);
        Assert.Equal(2, snapshot.Version);
        Assert.Equal((silo, SiloStatus.Active), snapshot.Silos.Select(s => (s.Address, s.Status)).Single());
    }

    [Fact]
    public async Task A_silo_starting_on_a_database_with_only_grain_state_adds_the_cluster_tables_and_keeps_the_state()
    {
        var database = await fixture.CreateDatabaseAsync();
        await PostgreSqlGrainStateTable.ExecuteAsync(database, PostgreSqlSchema.Scripts[0].Sql);
        await PostgreSqlGrainStateTable.ExecuteAsync(
            database,
            "INSERT INTO grain_state (service_id, grain_type, grain_key, state_name, payload, etag, modified_at) VALUES ('svc', 'counter', 'a', 'state', NULL, nextval('grain_state_etag'), now())");
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId, database: database);

        await table.InitializeAsync(Cancel);

        var migrations = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);
        Assert.Equal([(1, "001-grain-state"), (2, "002-cluster")], migrations.Take(2).Select(m => (m.Version, m.Name)));
        Assert.Equal(PostgreSqlSchema.Scripts.Select(s => (s.Version, s.Name)), migrations.Select(m => (m.Version, m.Name)));
        Assert.Equal(1L, await ClusterTables.ScalarAsync(database, "SELECT count(*) FROM grain_state"));
        var silo = PostgreSqlClusterFixture.NewSilo(11111);
        await PostgreSqlClusterFixture.StartAsync(table, silo);
        Assert.Equal(SiloStatus.Active, (await table.HeartbeatAsync(silo, Cancel)).Status);
    }
}
