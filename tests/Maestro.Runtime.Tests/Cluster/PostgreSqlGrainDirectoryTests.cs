using Maestro.Runtime.Cluster;
// Maestro.Runtime.Hosting (a global using here) has an internal class of the same name: the silo's status page.

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>
/// The grain directory as the activation path uses it: of racing registrations of one grain exactly one wins and
/// every racer is told the same winner (so losers can forward instead of running user code); a live entry is never
/// overwritten; an entry left behind by a dead silo is ignored and replaced by the next registration, with no clean-up
/// by hand (Orleans fault test F8); and only the activation that owns an entry can remove it.
/// </summary>
public sealed class PostgreSqlGrainDirectoryTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_concurrent_registrations_from_five_silos_have_exactly_one_winner_that_everyone_is_told()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        var silos = Enumerable.Range(0, 5).Select(i => PostgreSqlClusterFixture.NewSilo(11100 + i)).ToList();
        foreach (var silo in silos)
        {
            await PostgreSqlClusterFixture.StartAsync(table, silo);
        }

        var directories = silos.Select(_ => fixture.CreateDirectory(clusterId)).ToList();
        try
        {
            // Several grains at once, so the race is run many times, as in fault test F7.
            var grains = Enumerable.Range(0, 10).Select(i => GrainId.Create("counter", $"raced-{i}")).ToList();
            var attempts = grains
                .SelectMany(grain => Enumerable.Range(0, 50).Select(i => (Directory: directories[i % 5], Address: new GrainAddress(grain, silos[i % 5], Guid.NewGuid(), 10))))
                .ToList();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var registrations = attempts.Select(a => Task.Run(
                async () =>
                {
                    await gate.Task;
                    return await a.Directory.RegisterAsync(a.Address, Cancel);
                },
                Cancel)).ToList();
            gate.SetResult();
            var results = await Task.WhenAll(registrations);

            foreach (var grain in grains)
            {
                var mine = attempts.Zip(results).Where(p => p.First.Address.GrainId == grain).ToList();
                var winner = mine[0].Second;
                Assert.All(mine, p => Assert.Equal(winner, p.Second));
                Assert.Single(mine, p => p.Second.ActivationId == p.First.Address.ActivationId);
                Assert.Contains(mine, p => p.First.Address == winner);
                Assert.Equal(1, await ClusterTables.DirectoryRowsForAsync(fixture.ConnectionString, clusterId, grain));
                foreach (var directory in directories)
                {
                    Assert.Equal(winner, await directory.LookupAsync(grain, Cancel));
                }
            }
        }
        finally
        {
            foreach (var directory in directories)
            {
                await directory.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_live_entry_is_kept_when_another_silo_registers_the_same_grain_later()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        await using var directory = fixture.CreateDirectory(clusterId);
        var first = PostgreSqlClusterFixture.NewSilo(11111);
        var second = PostgreSqlClusterFixture.NewSilo(11112);
        await PostgreSqlClusterFixture.StartAsync(table, first);
        await PostgreSqlClusterFixture.StartAsync(table, second);
        var grain = GrainId.Create("counter", "a");
        var winner = new GrainAddress(grain, first, Guid.NewGuid(), 4);

        Assert.Equal(winner, await directory.RegisterAsync(winner, Cancel));
        Assert.Equal(winner, await directory.RegisterAsync(new GrainAddress(grain, second, Guid.NewGuid(), 4), Cancel));
        Assert.Equal(winner, await directory.LookupAsync(grain, Cancel));

        // A silo that is joining or shutting down still holds its activations.
        await table.SetStatusAsync(first, SiloStatus.ShuttingDown, Cancel);
        Assert.Equal(winner, await directory.RegisterAsync(new GrainAddress(grain, second, Guid.NewGuid(), 5), Cancel));
        Assert.Equal(winner, await directory.LookupAsync(grain, Cancel));
    }

    [Fact]
    public async Task An_entry_pointing_at_a_dead_or_unknown_silo_counts_as_absent_and_the_next_registration_replaces_it()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        await using var directory = fixture.CreateDirectory(clusterId);
        var dead = PostgreSqlClusterFixture.NewSilo(11111);
        var live = PostgreSqlClusterFixture.NewSilo(11112);
        await PostgreSqlClusterFixture.StartAsync(table, dead);
        await PostgreSqlClusterFixture.StartAsync(table, live);
        await table.SetStatusAsync(dead, SiloStatus.Dead, Cancel);
        var onDead = GrainId.Create("counter", "on-dead");
        var onUnknown = GrainId.Create("counter", "on-unknown");

        // Rows the death did not remove: left by a crash, an older silo version, or a person.
        await ClusterTables.InsertDirectoryRowAsync(fixture.ConnectionString, clusterId, onDead, dead.ToString(), Guid.NewGuid());
        await ClusterTables.InsertDirectoryRowAsync(fixture.ConnectionString, clusterId, onUnknown, "10.9.9.9:1:1", Guid.NewGuid());

        foreach (var grain in new[] { onDead, onUnknown })
        {
            Assert.Null(await directory.LookupAsync(grain, Cancel));
            var mine = new GrainAddress(grain, live, Guid.NewGuid(), 5);

            Assert.Equal(mine, await directory.RegisterAsync(mine, Cancel));
            Assert.Equal(mine, await directory.LookupAsync(grain, Cancel));
            Assert.Equal(1, await ClusterTables.DirectoryRowsForAsync(fixture.ConnectionString, clusterId, grain));
        }
    }

    [Fact]
    public async Task Unregister_removes_an_entry_only_for_the_activation_that_owns_it()
    {
        var clusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var table = fixture.CreateMembershipTable(clusterId);
        await using var directory = fixture.CreateDirectory(clusterId);
        var silo = PostgreSqlClusterFixture.NewSilo(11111);
        var other = PostgreSqlClusterFixture.NewSilo(11112);
        await PostgreSqlClusterFixture.StartAsync(table, silo);
        await PostgreSqlClusterFixture.StartAsync(table, other);
        var grain = GrainId.Create("counter", "a");
        var owner = await directory.RegisterAsync(new GrainAddress(grain, silo, Guid.NewGuid(), 4), Cancel);

        // A loser (or a stale activation) deactivating must not remove the winner's entry.
        Assert.False(await directory.UnregisterAsync(owner with { ActivationId = Guid.NewGuid() }, Cancel));
        Assert.False(await directory.UnregisterAsync(new GrainAddress(grain, other, Guid.NewGuid(), 4), Cancel));
        Assert.Equal(owner, await directory.LookupAsync(grain, Cancel));

        Assert.True(await directory.UnregisterAsync(owner, Cancel));
        Assert.Null(await directory.LookupAsync(grain, Cancel));
        Assert.False(await directory.UnregisterAsync(owner, Cancel));

        // Once it is gone the next activation, anywhere, registers cleanly.
        var next = new GrainAddress(grain, other, Guid.NewGuid(), 4);
        Assert.Equal(next, await directory.RegisterAsync(next, Cancel));
    }

    [Fact]
    public async Task Directories_of_two_clusters_on_one_database_do_not_see_each_other()
    {
        var clusterA = PostgreSqlClusterFixture.NewClusterId();
        var clusterB = PostgreSqlClusterFixture.NewClusterId();
        await using var tableA = fixture.CreateMembershipTable(clusterA);
        await using var tableB = fixture.CreateMembershipTable(clusterB);
        await using var directoryA = fixture.CreateDirectory(clusterA);
        await using var directoryB = fixture.CreateDirectory(clusterB);
        var siloA = PostgreSqlClusterFixture.NewSilo(11111);
        var siloB = PostgreSqlClusterFixture.NewSilo(11111);
        await PostgreSqlClusterFixture.StartAsync(tableA, siloA);
        await PostgreSqlClusterFixture.StartAsync(tableB, siloB);
        var grain = GrainId.Create("counter", "shared-key");
        var inA = new GrainAddress(grain, siloA, Guid.NewGuid(), 2);
        var inB = new GrainAddress(grain, siloB, Guid.NewGuid(), 2);

        Assert.Equal(inA, await directoryA.RegisterAsync(inA, Cancel));
        Assert.Equal(inB, await directoryB.RegisterAsync(inB, Cancel));
        Assert.Equal(inA, await directoryA.LookupAsync(grain, Cancel));
        Assert.Equal(inB, await directoryB.LookupAsync(grain, Cancel));
        Assert.Single((await tableA.ReadAllAsync(Cancel)).Silos);
    }
}
