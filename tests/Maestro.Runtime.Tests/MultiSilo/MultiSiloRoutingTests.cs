using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Cluster;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>
/// Two silos in this process sharing the private PostgreSQL server for membership, the grain directory and grain state:
/// a grain has one activation in the whole cluster whichever silo a call enters through, racing first calls create
/// exactly one, and a grain on a killed silo comes back on the survivor with its state.
/// </summary>
public sealed class MultiSiloRoutingTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    [Fact]
    public async Task A_grain_called_through_either_silo_is_one_activation_with_one_state()
    {
        var probe = new Probe();
        await using var cluster = await StartAsync(probe);
        var (siloA, siloB) = (cluster.Silos[0], cluster.Silos[1]);

        var throughA = siloA.GrainFactory.GetGrain<IClusterCounterGrain>("shared");
        var throughB = siloB.GrainFactory.GetGrain<IClusterCounterGrain>("shared");
        Assert.Equal(5, await throughA.Add(5));
        var idThroughA = await throughA.GetActivationId();
        var hostThroughA = await throughA.GetSiloName();

        Assert.Equal(7, await throughB.Add(2));
        Assert.Equal(idThroughA, await throughB.GetActivationId());
        Assert.Equal(hostThroughA, await throughB.GetSiloName());
        Assert.Equal(7, await throughA.Get());
        Assert.Single(probe.Events, e => e.StartsWith("activate:shared:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_first_calls_from_both_silos_activate_each_grain_exactly_once()
    {
        var probe = new Probe();
        await using var cluster = await StartAsync(probe);
        var keys = Enumerable.Range(0, 10).Select(i => $"racer-{i}").ToArray();

        // 50 first calls through each silo, interleaved over the 10 grains, all started before any completes.
        var calls = Enumerable.Range(0, 100)
            .Select(i => (Key: keys[i % keys.Length], Silo: cluster.Silos[i % 2]))
            .Select(async call =>
            {
                var grain = call.Silo.GrainFactory.GetGrain<IClusterCounterGrain>(call.Key);
                await grain.Add(1);
                return (call.Key, Id: await grain.GetActivationId());
            })
            .ToList();
        var results = await Task.WhenAll(calls);

        foreach (var key in keys)
        {
            Assert.Single(probe.Events, e => e.StartsWith($"activate:{key}:", StringComparison.Ordinal));
            Assert.Single(results.Where(r => r.Key == key).Select(r => r.Id).Distinct());

            // Every one of the 10 additions per grain landed on the one activation: none was lost to a duplicate.
            Assert.Equal(10, await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).Get());
        }
    }

    [Fact]
    public async Task A_grain_on_a_killed_silo_is_reactivated_on_the_survivor_with_its_state()
    {
        var probe = new Probe();
        await using var cluster = await StartAsync(probe, shortLease: true);
        var grain = cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>("survivor");
        Assert.Equal(42, await grain.Add(42));
        var firstId = await grain.GetActivationId();
        var hostName = await grain.GetSiloName();
        var host = cluster.Silos.Single(s => s.Name == hostName);
        var survivor = cluster.Silos.Single(s => s.Name != hostName);

        await cluster.KillSiloAsync(host);

        // Until the survivor's sweep declares the killed silo dead, calls fail as unavailable; then the grain moves.
        var throughSurvivor = survivor.GrainFactory.GetGrain<IClusterCounterGrain>("survivor");
        var value = await EventuallyAsync(() => throughSurvivor.Get(), TimeSpan.FromSeconds(30));
        Assert.Equal(42, value);
        Assert.Equal(survivor.Name, await throughSurvivor.GetSiloName());
        Assert.NotEqual(firstId, await throughSurvivor.GetActivationId());
        Assert.Equal(43, await throughSurvivor.Add(1));
    }

    [Fact]
    public async Task Cancelling_a_remote_call_cancels_the_caller_and_the_grain_on_the_other_silo()
    {
        var probe = new Probe();
        await using var cluster = await StartAsync(probe);
        var (host, caller) = await HostAndOtherAsync(cluster, "waiter");
        using var cancellation = new CancellationTokenSource();
        var call = caller.GrainFactory.GetGrain<IClusterCounterGrain>("waiter").WaitForCancellation(cancellation.Token);
        await Probe.Eventually(() => probe.Saw("waiting:waiter"), "the grain on the other silo started waiting");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Probe.Eventually(() => probe.Saw("cancelled:waiter"), $"the grain on {host.Name} saw its token cancelled");
    }

    [Fact]
    public async Task A_grain_of_a_gracefully_stopped_silo_is_reactivated_elsewhere_with_its_state()
    {
        var probe = new Probe();
        await using var cluster = await StartAsync(probe);
        var (host, other) = await HostAndOtherAsync(cluster, "mover");
        Assert.Equal(3, await host.GrainFactory.GetGrain<IClusterCounterGrain>("mover").Add(3));

        await cluster.StopSiloAsync(host);

        // The stopped silo unregistered the grain; the caller may still try it once before its view catches up.
        var grain = other.GrainFactory.GetGrain<IClusterCounterGrain>("mover");
        Assert.Equal(3, await EventuallyAsync(() => grain.Get(), TimeSpan.FromSeconds(30)));
        Assert.Equal(other.Name, await grain.GetSiloName());
    }

    [Fact]
    public async Task A_silo_whose_row_reads_dead_stops_taking_new_grains()
    {
        var probe = new Probe();
        await using var cluster = await StartAsync(probe, shortLease: true);
        var (doomed, survivor) = (cluster.Silos[0], cluster.Silos[1]);
        var table = survivor.ServiceProvider.GetRequiredService<Maestro.Runtime.Cluster.IMembershipTable>();

        await table.SetStatusAsync(Maestro.Runtime.Cluster.SiloAddress.Parse(doomed.Address), Maestro.Runtime.Cluster.SiloStatus.Dead, TestContext.Current.CancellationToken);

        var doomedView = doomed.ServiceProvider.GetRequiredService<Maestro.Runtime.Cluster.ClusterView>();
        await Probe.Eventually(() => !doomedView.IsAccepting, "the silo read its own row as Dead");
        await Assert.ThrowsAsync<SiloUnavailableException>(() => doomed.GrainFactory.GetGrain<IClusterCounterGrain>("after-death").Get());

        // The survivor places new grains on itself only, once its view shows the other silo dead.
        var grain = survivor.GrainFactory.GetGrain<IClusterCounterGrain>("after-death");
        Assert.Equal(survivor.Name, await EventuallyAsync(() => grain.GetSiloName(), TimeSpan.FromSeconds(30)));
    }

    /// <summary>Activates <paramref name="key"/> and returns the silo hosting it and the other one.</summary>
    private static async Task<(InProcessSilo Host, InProcessSilo Other)> HostAndOtherAsync(InProcessMultiSiloCluster cluster, string key)
    {
        var hostName = await cluster.Silos[0].GrainFactory.GetGrain<IClusterCounterGrain>(key).GetSiloName();
        return (cluster.Silos.Single(s => s.Name == hostName), cluster.Silos.Single(s => s.Name != hostName));
    }

    private async Task<InProcessMultiSiloCluster> StartAsync(Probe probe, bool shortLease = false)
    {
        var database = await fixture.CreateDatabaseAsync();
        var builder = new InProcessTestClusterBuilder().ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(probe);
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.AddPostgreSqlGrainStorageAsDefault(o => o.ConnectionString = database);
            if (shortLease)
            {
                silo.Configure<PostgreSqlClusteringOptions>(o =>
                {
                    o.LeaseDuration = TimeSpan.FromSeconds(2);
                    o.HeartbeatPeriod = TimeSpan.FromMilliseconds(400);
                    o.SweepPeriod = TimeSpan.FromMilliseconds(400);
                    o.DeathGracePeriod = TimeSpan.FromMilliseconds(500);
                });
            }
        });
        builder.Options.ClusterId = PostgreSqlClusterFixture.NewClusterId();
        var cluster = builder.BuildMultiSilo(database, silos: 2);
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Retries <paramref name="call"/> while the cluster reports the target silo unavailable; fails after <paramref name="limit"/>.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (SiloUnavailableException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}
