using Maestro.Runtime.Statistics;
using Maestro.Runtime.Tests.Cluster;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Statistics;

/// <summary>The statistics grain of a silo runs on that silo, whichever silo calls it: how the dashboard reaches every silo.</summary>
public sealed class SiloBoundPlacementTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    [Fact]
    public async Task Each_silos_statistics_grain_answers_from_the_silo_its_key_names()
    {
        var database = await fixture.CreateDatabaseAsync();
        var builder = new InProcessTestClusterBuilder();
        builder.Options.ClusterId = PostgreSqlClusterFixture.NewClusterId();
        await using var cluster = builder.BuildMultiSilo(database, 2);
        await cluster.DeployAsync();
        foreach (var silo in cluster.Silos)
        {
            var view = silo.ServiceProvider.GetRequiredService<Maestro.Runtime.Cluster.ClusterView>();
            await Probe.Eventually(() => view.ActiveSilos.Count == 2, $"{silo.Name} sees both silos Active");
        }

        foreach (var caller in cluster.Silos)
        {
            foreach (var target in cluster.Silos)
            {
                var report = await caller.GrainFactory.GetGrain<ISiloStatisticsGrain>(target.Address).GetStatistics();
                Assert.Equal((target.Name, target.Address), (report.SiloName, report.Address));
            }
        }

        // Each silo switched its own counting on when its grain was asked.
        Assert.All(cluster.Silos, s => Assert.True(s.ServiceProvider.GetRequiredService<GrainCallStatistics>().IsCollecting));

        // An address of no silo in the cluster is refused, never placed elsewhere.
        await Assert.ThrowsAsync<SiloUnavailableException>(() => cluster.Silos[0].GrainFactory.GetGrain<ISiloStatisticsGrain>("127.0.0.1:1:1").GetStatistics());
    }
}
