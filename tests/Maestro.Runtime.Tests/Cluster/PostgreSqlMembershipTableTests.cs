using Maestro.Runtime.Cluster;
// Maestro.Runtime.Hosting (a global using here) has an internal class of the same name: the silo's status page.

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>
/// The membership table as silos use it: joining, becoming active, leaving, restarting at the same endpoint, and the
/// heartbeat that keeps a silo's lease. What consumers rely on: every change advances the cluster version exactly once,
/// a Dead silo stays dead and is told so, and its directory entries go with it.
/// </summary>
public sealed class PostgreSqlMembershipTableTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_joins_as_joining_then_becomes_active_and_each_step_advances_the_version_once()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        var silo = PostgreSqlClusterFixture.NewSilo(11111);

        Assert.Equal(0, (await table.ReadAllAsync(Cancel)).Version);
        var joined = await table.JoinAsync(silo, "silo-a", gatewayPort: 30000, Cancel);
        var afterJoin = await table.ReadAllAsync(Cancel);

        Assert.Equal(1, joined);
        Assert.Equal(1, afterJoin.Version);
        var entry = Assert.Single(afterJoin.Silos);
        Assert.Equal(silo, entry.Address);
        Assert.Equal("silo-a", entry.Name);
        Assert.Equal(SiloStatus.Joining, entry.Status);
        Assert.Equal(30000, entry.GatewayPort);
        Assert.Equal(1, entry.VersionAtChange);
        Assert.Empty(await table.GetGatewaysAsync(Cancel));

        var activated = await table.SetStatusAsync(silo, SiloStatus.Active, Cancel);

        Assert.Equal(new SiloStatusReport(SiloStatus.Active, 2), activated);
        var active = Assert.Single((await table.ReadAllAsync(Cancel)).Silos);
        Assert.Equal(SiloStatus.Active, active.Status);
        Assert.Equal(2, active.VersionAtChange);
        Assert.Equal(silo, Assert.Single(await table.GetGatewaysAsync(Cancel)).Address);

        // Setting the status it already has is not a change: nobody needs to reread membership.
        Assert.Equal(new SiloStatusReport(SiloStatus.Active, 2), await table.SetStatusAsync(silo, SiloStatus.Active, Cancel));
        Assert.Equal(2, (await table.ReadAllAsync(Cancel)).Version);
    }

    [Fact]
    public async Task Only_active_silos_with_a_gateway_port_are_gateways()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        var gateway = PostgreSqlClusterFixture.NewSilo(11111);
        var internalOnly = PostgreSqlClusterFixture.NewSilo(11112);
        var leaving = PostgreSqlClusterFixture.NewSilo(11113);
        await PostgreSqlClusterFixture.StartAsync(table, gateway, gatewayPort: 30000);
        await PostgreSqlClusterFixture.StartAsync(table, internalOnly);
        await PostgreSqlClusterFixture.StartAsync(table, leaving, gatewayPort: 30001);
        await table.SetStatusAsync(leaving, SiloStatus.ShuttingDown, Cancel);

        var gateways = await table.GetGatewaysAsync(Cancel);

        Assert.Equal([(gateway, 30000)], gateways.Select(g => (g.Address, g.GatewayPort!.Value)));
    }

    [Fact]
    public async Task A_silo_that_leaves_is_dead_for_good_its_directory_entries_are_gone_and_its_heartbeat_says_dead()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        await using var directory = fixture.CreateDirectory(clusterId);
        var silo = PostgreSqlClusterFixture.NewSilo(11111);
        var other = PostgreSqlClusterFixture.NewSilo(11112);
        await PostgreSqlClusterFixture.StartAsync(table, silo);
        await PostgreSqlClusterFixture.StartAsync(table, other);
        await directory.RegisterAsync(new GrainAddress(GrainId.Create("counter", "a"), silo, Guid.NewGuid(), 4), Cancel);
        var kept = await directory.RegisterAsync(new GrainAddress(GrainId.Create("counter", "b"), other, Guid.NewGuid(), 4), Cancel);

        Assert.Equal(new SiloStatusReport(SiloStatus.ShuttingDown, 5), await table.SetStatusAsync(silo, SiloStatus.ShuttingDown, Cancel));
        Assert.Equal(SiloStatus.ShuttingDown, (await table.HeartbeatAsync(silo, Cancel)).Status);
        Assert.Equal(new SiloStatusReport(SiloStatus.Dead, 6), await table.SetStatusAsync(silo, SiloStatus.Dead, Cancel));

        Assert.Equal(0, await ClusterTables.DirectoryRowsOfAsync(fixture.ConnectionString, clusterId, silo));
        Assert.Null(await directory.LookupAsync(GrainId.Create("counter", "a"), Cancel));
        Assert.Equal(kept, await directory.LookupAsync(GrainId.Create("counter", "b"), Cancel));
        Assert.Equal(new SiloStatusReport(SiloStatus.Dead, 6), await table.HeartbeatAsync(silo, Cancel));

        // A dead silo never comes back, and trying changes nothing.
        Assert.Equal(new SiloStatusReport(SiloStatus.Dead, 6), await table.SetStatusAsync(silo, SiloStatus.Active, Cancel));
        var snapshot = await table.ReadAllAsync(Cancel);
        Assert.Equal(6, snapshot.Version);
        Assert.Equal(SiloStatus.Dead, snapshot.Silos.Single(s => s.Address == silo).Status);
    }

    [Fact]
    public async Task A_silo_unknown_to_the_table_is_told_it_is_dead()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        var stranger = PostgreSqlClusterFixture.NewSilo(11111);

        Assert.Equal(SiloStatus.Dead, (await table.HeartbeatAsync(stranger, Cancel)).Status);
        Assert.Equal(SiloStatus.Dead, (await table.SetStatusAsync(stranger, SiloStatus.Active, Cancel)).Status);

        await PostgreSqlClusterFixture.StartAsync(table, PostgreSqlClusterFixture.NewSilo(11112));
        Assert.Equal(SiloStatus.Dead, (await table.HeartbeatAsync(stranger, Cancel)).Status);
        Assert.Equal(SiloStatus.Dead, (await table.SetStatusAsync(stranger, SiloStatus.Active, Cancel)).Status);
        Assert.Null(await ClusterTables.SiloRowAsync(fixture.ConnectionString, clusterId, stranger));
    }

    [Fact]
    public async Task A_restart_at_the_same_endpoint_declares_the_old_generation_dead_in_the_same_change()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        await using var directory = fixture.CreateDirectory(clusterId);
        var neighbour = PostgreSqlClusterFixture.NewSilo(11112);
        var old = PostgreSqlClusterFixture.NewSilo(11111);
        var restarted = new SiloAddress(old.Host, old.Port, old.Generation + 1);
        await PostgreSqlClusterFixture.StartAsync(table, neighbour);
        await PostgreSqlClusterFixture.StartAsync(table, old);
        var grain = GrainId.Create("counter", "on-old");
        await directory.RegisterAsync(new GrainAddress(grain, old, Guid.NewGuid(), 4), Cancel);
        var before = (await table.ReadAllAsync(Cancel)).Version;

        var version = await table.JoinAsync(restarted, "silo-a", null, Cancel);

        Assert.Equal(before + 1, version);
        var snapshot = await table.ReadAllAsync(Cancel);
        Assert.Equal(version, snapshot.Version);
        var oldEntry = snapshot.Silos.Single(s => s.Address == old);
        Assert.Equal((SiloStatus.Dead, version), (oldEntry.Status, oldEntry.VersionAtChange));
        Assert.Equal(SiloStatus.Joining, snapshot.Silos.Single(s => s.Address == restarted).Status);
        Assert.Equal(SiloStatus.Active, snapshot.Silos.Single(s => s.Address == neighbour).Status);
        Assert.Equal(0, await ClusterTables.DirectoryRowsOfAsync(fixture.ConnectionString, clusterId, old));
        Assert.Equal(SiloStatus.Dead, (await table.HeartbeatAsync(old, Cancel)).Status);

        // The new generation takes over the grain cleanly.
        var mine = new GrainAddress(grain, restarted, Guid.NewGuid(), version);
        Assert.Equal(mine, await directory.RegisterAsync(mine, Cancel));
    }

    [Fact]
    public async Task A_stale_process_cannot_join_behind_a_newer_generation_at_its_endpoint_and_changes_nothing()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        var current = PostgreSqlClusterFixture.NewSilo(11111);
        var stale = new SiloAddress(current.Host, current.Port, current.Generation - 1);
        await PostgreSqlClusterFixture.StartAsync(table, current);
        var before = await table.ReadAllAsync(Cancel);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => table.JoinAsync(stale, "silo-a", null, Cancel));
        var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => table.JoinAsync(current, "silo-a", null, Cancel));

        Assert.Contains($"{current} is a generation at least as new", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"Silo {current} cannot join", twice.Message, StringComparison.Ordinal);
        var after = await table.ReadAllAsync(Cancel);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Silos).Status);
    }

    [Fact]
    public async Task A_heartbeat_renews_the_lease_on_the_database_clock_and_reports_the_current_version()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        var lease = TimeSpan.FromSeconds(7);
        await using var table = fixture.CreateMembershipTable(clusterId, lease);
        var silo = PostgreSqlClusterFixture.NewSilo(11111);
        await PostgreSqlClusterFixture.StartAsync(table, silo);
        var before = (await ClusterTables.SiloRowAsync(fixture.ConnectionString, clusterId, silo))!.Value;

        // The database clock must move on, or the renewed lease could equal the old one.
        await ClusterTables.ScalarAsync(fixture.ConnectionString, "SELECT pg_sleep(0.01)");
        await PostgreSqlClusterFixture.StartAsync(table, PostgreSqlClusterFixture.NewSilo(11112));
        var report = await table.HeartbeatAsync(silo, Cancel);

        Assert.Equal(new SiloStatusReport(SiloStatus.Active, 4), report);
        var after = (await ClusterTables.SiloRowAsync(fixture.ConnectionString, clusterId, silo))!.Value;
        Assert.True(after.HeartbeatAt > before.HeartbeatAt);
        Assert.True(after.LeaseExpiresAt > before.LeaseExpiresAt);
        Assert.Equal(lease, after.LeaseExpiresAt - after.HeartbeatAt);
        Assert.Equal(SiloStatus.Active, after.Status);

        // A heartbeat is not a membership change.
        Assert.Equal(4, (await table.ReadAllAsync(Cancel)).Version);
    }
}
