using Maestro.Runtime.Cluster;
// Maestro.Runtime.Hosting (a global using here) has an internal class of the same name: the silo's status page.

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>
/// Failure detection by lease: a silo that stops heartbeating is declared dead by another silo's sweep once its lease
/// has been expired for longer than the grace period, on the database's clock, and in that same transaction its
/// directory entries vanish, so its grains can activate elsewhere at once. Leases here are a second long and every
/// wait is bounded; the tests check states, never how long something took.
/// </summary>
public sealed class PostgreSqlMembershipSweepTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(200);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_that_stops_heartbeating_is_declared_dead_after_its_lease_and_the_grace_and_loses_its_directory_entries()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var victimTable = fixture.CreateMembershipTable(clusterId, ShortLease);
        await using var survivorTable = fixture.CreateMembershipTable(clusterId, LongLease);
        await using var directory = fixture.CreateDirectory(clusterId);
        var victim = PostgreSqlClusterFixture.NewSilo(11111);
        var survivor = PostgreSqlClusterFixture.NewSilo(11112);
        await PostgreSqlClusterFixture.StartAsync(victimTable, victim);
        await PostgreSqlClusterFixture.StartAsync(survivorTable, survivor);
        var victimGrains = Enumerable.Range(0, 5).Select(i => GrainId.Create("counter", $"victim-{i}")).ToList();
        foreach (var grain in victimGrains)
        {
            await directory.RegisterAsync(new GrainAddress(grain, victim, Guid.NewGuid(), 4), Cancel);
        }

        var survivorGrain = await directory.RegisterAsync(new GrainAddress(GrainId.Create("counter", "survivor"), survivor, Guid.NewGuid(), 4), Cancel);

        // Expired, but for less than the grace: still alive.
        await ClusterTables.WaitUntilLeasesExpiredAsync(fixture.ConnectionString, clusterId, TimeSpan.Zero, victim);
        Assert.Empty(await survivorTable.DeclareExpiredSilosDeadAsync(TimeSpan.FromHours(1), Cancel));
        Assert.Equal(SiloStatus.Active, (await ClusterTables.SiloRowAsync(fixture.ConnectionString, clusterId, victim))!.Value.Status);
        Assert.Equal(4, (await survivorTable.ReadAllAsync(Cancel)).Version);

        await ClusterTables.WaitUntilLeasesExpiredAsync(fixture.ConnectionString, clusterId, Grace, victim);
        var declared = await survivorTable.DeclareExpiredSilosDeadAsync(Grace, Cancel);

        Assert.Equal([victim], declared);
        var snapshot = await survivorTable.ReadAllAsync(Cancel);
        Assert.Equal(5, snapshot.Version);
        Assert.Equal((SiloStatus.Dead, 5L), snapshot.Silos.Where(s => s.Address == victim).Select(s => (s.Status, s.VersionAtChange)).Single());
        Assert.Equal(SiloStatus.Active, snapshot.Silos.Single(s => s.Address == survivor).Status);
        Assert.Equal(0, await ClusterTables.DirectoryRowsOfAsync(fixture.ConnectionString, clusterId, victim));
        foreach (var grain in victimGrains)
        {
            Assert.Null(await directory.LookupAsync(grain, Cancel));
        }

        Assert.Equal(survivorGrain, await directory.LookupAsync(survivorGrain.GrainId, Cancel));

        // The victim wakes up: it is told it is dead, its lease stays expired, and a later sweep does not declare it again.
        Assert.Equal(new SiloStatusReport(SiloStatus.Dead, 5), await victimTable.HeartbeatAsync(victim, Cancel));
        Assert.True(await ClusterTables.LeaseExpiredAsync(fixture.ConnectionString, clusterId, victim, Grace));
        Assert.Empty(await survivorTable.DeclareExpiredSilosDeadAsync(Grace, Cancel));
        Assert.Equal(5, (await survivorTable.ReadAllAsync(Cancel)).Version);
    }

    [Fact]
    public async Task A_silo_that_keeps_heartbeating_is_never_declared_dead()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId, ShortLease);
        var silo = PostgreSqlClusterFixture.NewSilo(11111);
        await PostgreSqlClusterFixture.StartAsync(table, silo);

        // Each heartbeat gives it a second; with a grace of 5 s a sweep can never catch its lease expired for that long.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SiloStatus.Active, (await table.HeartbeatAsync(silo, Cancel)).Status);
            Assert.Empty(await table.DeclareExpiredSilosDeadAsync(TimeSpan.FromSeconds(5), Cancel));
            await Task.Delay(150, Cancel);
        }

        Assert.Equal(SiloStatus.Active, (await ClusterTables.SiloRowAsync(fixture.ConnectionString, clusterId, silo))!.Value.Status);
        Assert.Equal(2, (await table.ReadAllAsync(Cancel)).Version);
    }

    [Fact]
    public async Task Three_silos_sweeping_at_once_declare_each_expired_silo_dead_exactly_once_and_advance_the_version_once()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var victimTable = fixture.CreateMembershipTable(clusterId, ShortLease);
        await using var directory = fixture.CreateDirectory(clusterId);
        var victims = Enumerable.Range(0, 3).Select(i => PostgreSqlClusterFixture.NewSilo(11100 + i)).ToArray();
        var sweepers = Enumerable.Range(0, 3).Select(i => (Address: PostgreSqlClusterFixture.NewSilo(11200 + i), Table: fixture.CreateMembershipTable(clusterId, LongLease))).ToList();
        try
        {
            foreach (var victim in victims)
            {
                await PostgreSqlClusterFixture.StartAsync(victimTable, victim);
                await directory.RegisterAsync(new GrainAddress(GrainId.Create("counter", victim.ToString()), victim, Guid.NewGuid(), 0), Cancel);
            }

            foreach (var (address, table) in sweepers)
            {
                await PostgreSqlClusterFixture.StartAsync(table, address);
            }

            await ClusterTables.WaitUntilLeasesExpiredAsync(fixture.ConnectionString, clusterId, Grace, victims);
            var before = await ClusterTables.VersionAsync(fixture.ConnectionString, clusterId);

            using var start = new Barrier(sweepers.Count);
            var results = await Task.WhenAll(sweepers.Select(s => Task.Run(
                async () =>
                {
                    start.SignalAndWait(Cancel);
                    return await s.Table.DeclareExpiredSilosDeadAsync(Grace, Cancel);
                },
                Cancel)));

            // Every victim had expired before anyone swept, so the first sweep to commit took them all.
            Assert.Equal(victims.OrderBy(v => v.Port), results.SelectMany(r => r).OrderBy(v => v.Port));
            Assert.Single(results, r => r.Count > 0);
            var snapshot = await sweepers[0].Table.ReadAllAsync(Cancel);
            Assert.Equal(before + 1, snapshot.Version);
            foreach (var victim in victims)
            {
                var entry = snapshot.Silos.Single(s => s.Address == victim);
                Assert.Equal((SiloStatus.Dead, before + 1), (entry.Status, entry.VersionAtChange));
                Assert.Equal(0, await ClusterTables.DirectoryRowsOfAsync(fixture.ConnectionString, clusterId, victim));
            }

            Assert.All(sweepers, s => Assert.Equal(SiloStatus.Active, snapshot.Silos.Single(e => e.Address == s.Address).Status));
        }
        finally
        {
            foreach (var (_, table) in sweepers)
            {
                await table.DisposeAsync();
            }
        }
    }
}
