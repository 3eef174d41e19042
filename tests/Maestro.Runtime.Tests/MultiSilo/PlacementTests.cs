using Maestro.Runtime.Cluster;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Tests.Cluster;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>
/// Each placement strategy decides where a grain with no directory entry is activated, in a cluster of silos in this
/// process sharing the private PostgreSQL server. The expectations hold whatever the timing: they depend on the
/// strategies' rules and on waiting for the state (membership, published counts) they read.
/// </summary>
public sealed class PlacementTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private const string Prefix = "Maestro.Runtime.Tests.MultiSilo.";

    [Fact]
    public async Task Prefer_local_places_each_grain_on_the_silo_that_called_first()
    {
        await using var cluster = await StartAsync(silos: 3);
        foreach (var caller in cluster.Silos)
        {
            for (var i = 0; i < 5; i++)
            {
                var grain = caller.GrainFactory.GetGrain<IPlacementProbeGrain>($"local-{caller.Name}-{i}", Prefix + "PreferLocal");
                Assert.Equal(caller.Name, await grain.GetSiloName());
            }
        }
    }

    [Fact]
    public async Task Hash_based_places_an_id_on_the_same_silo_from_every_caller_and_spreads_ids_over_all_silos()
    {
        await using var cluster = await StartAsync(silos: 3);
        var silos = cluster.Silos;
        var hosts = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            var key = $"hashed-{i}";
            var id = GrainIdOf(silos[0], key, "HashBased");

            // Every silo's director names the same silo for the id...
            var choices = silos.Select(s => s.ServiceProvider.GetRequiredService<GrainLocator>().Place(id).ToString()).Distinct().ToList();
            Assert.Single(choices);

            // ...and the activation lands there, whichever silo calls first.
            var caller = silos[i % silos.Count];
            var host = await caller.GrainFactory.GetGrain<IPlacementProbeGrain>(key, Prefix + "HashBased").GetSiloName();
            Assert.Equal(choices[0], silos.Single(s => s.Name == host).Address);
            hosts.Add(host);
        }

        Assert.Equal(silos.Select(s => s.Name).Order(), hosts.Order());
    }

    [Fact]
    public async Task Activation_count_based_prefers_the_emptier_silo_after_one_was_preloaded()
    {
        await using var cluster = await StartAsync(silos: 2);
        var (loaded, empty) = (cluster.Silos[0], cluster.Silos[1]);
        const int Preloaded = 30;
        for (var i = 0; i < Preloaded; i++)
        {
            Assert.Equal(loaded.Name, await loaded.GrainFactory.GetGrain<IPlacementProbeGrain>($"ballast-{i}", Prefix + "PreferLocal").GetSiloName());
        }

        // The caller is the loaded silo itself: it must still send new grains away once it has read its own count.
        var view = loaded.ServiceProvider.GetRequiredService<ClusterView>();
        var loadedAddress = SiloAddress.Parse(loaded.Address);
        await Probe.Eventually(() => view.GetActivationCount(loadedAddress) >= Preloaded, "the loaded silo's published activation count was read");

        // With two silos both are always the two choices; 10 new grains keep the other silo below 30 activations.
        for (var i = 0; i < 10; i++)
        {
            var grain = loaded.GrainFactory.GetGrain<IPlacementProbeGrain>($"counted-{i}", Prefix + "ActivationCount");
            Assert.Equal(empty.Name, await grain.GetSiloName());
        }
    }

    [Fact]
    public async Task Random_spreads_grains_over_all_silos()
    {
        await using var cluster = await StartAsync(silos: 3);
        var hosts = new HashSet<string>();

        // 60 grains: the chance that a fair random choice misses one of 3 silos is 3 * (2/3)^60, about 1e-10.
        for (var i = 0; i < 60; i++)
        {
            hosts.Add(await cluster.Silos[0].GrainFactory.GetGrain<IPlacementProbeGrain>($"random-{i}", Prefix + "Random").GetSiloName());
        }

        Assert.Equal(cluster.Silos.Select(s => s.Name).Order(), hosts.Order());
    }

    [Fact]
    public async Task A_caller_whose_cached_location_went_stale_is_served_by_the_new_activation_and_told_to_look_it_up_again()
    {
        await using var cluster = await StartAsync(silos: 3);
        var (first, second, caller) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var id = new GrainId(first.ServiceProvider.GetRequiredService<Maestro.Runtime.Activation.GrainRuntime>().Manifest
            .ResolveClass(typeof(IRelocatableGrain), null).GrainType, "wanderer");
        var callerLocator = caller.ServiceProvider.GetRequiredService<GrainLocator>();

        Assert.Equal(first.Name, await first.GrainFactory.GetGrain<IRelocatableGrain>("wanderer").GetSiloName());
        Assert.Equal(first.Name, await caller.GrainFactory.GetGrain<IRelocatableGrain>("wanderer").GetSiloName());
        Assert.True(callerLocator.TryGetCached(id, out var cached) && cached.SiloAddress.ToString() == first.Address);

        // The grain leaves the first silo and comes back on the second; the caller's cache still names the first.
        await first.GrainFactory.GetGrain<IRelocatableGrain>("wanderer").Deactivate();
        await Probe.Eventually(() => !first.ServiceProvider.GetRequiredService<Maestro.Runtime.Activation.GrainRuntime>().Catalog.Hosts(id), "the grain left the first silo");
        Assert.Equal(second.Name, await second.GrainFactory.GetGrain<IRelocatableGrain>("wanderer").GetSiloName());

        // Through the stale entry, the first silo passes the call on; the answer tells the caller to look again...
        Assert.Equal(second.Name, await caller.GrainFactory.GetGrain<IRelocatableGrain>("wanderer").GetSiloName());
        Assert.False(callerLocator.TryGetCached(id, out _), "The caller kept its stale location after the call was passed on.");

        // ...so its next call finds the grain in the directory and goes straight there.
        Assert.Equal(second.Name, await caller.GrainFactory.GetGrain<IRelocatableGrain>("wanderer").GetSiloName());
        Assert.True(callerLocator.TryGetCached(id, out cached) && cached.SiloAddress.ToString() == second.Address);
    }

    /// <summary>The grain id a call to <paramref name="key"/> of the class named <paramref name="className"/> targets.</summary>
    private static GrainId GrainIdOf(InProcessSilo silo, string key, string className)
    {
        var manifest = silo.ServiceProvider.GetRequiredService<Maestro.Runtime.Activation.GrainRuntime>().Manifest;
        return new GrainId(manifest.ResolveClass(typeof(IPlacementProbeGrain), Prefix + className).GrainType, key);
    }

    private async Task<InProcessMultiSiloCluster> StartAsync(int silos)
    {
        var database = await fixture.CreateDatabaseAsync();
        var builder = new InProcessTestClusterBuilder().ConfigureSilo(silo =>
        {
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));

            // Frequent heartbeats, so published activation counts reach the other silos' views quickly.
            silo.Configure<PostgreSqlClusteringOptions>(o => o.HeartbeatPeriod = TimeSpan.FromMilliseconds(200));
        });
        builder.Options.ClusterId = PostgreSqlClusterFixture.NewClusterId();
        var cluster = builder.BuildMultiSilo(database, silos);
        try
        {
            await cluster.DeployAsync();

            // Every silo must see all the others Active before placing anything, or a strategy could only pick among fewer.
            foreach (var silo in cluster.Silos)
            {
                var view = silo.ServiceProvider.GetRequiredService<ClusterView>();
                await Probe.Eventually(() => view.ActiveSilos.Count == silos, $"{silo.Name} sees {silos} Active silos");
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }
}
