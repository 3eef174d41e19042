using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

public sealed class PlacementAndAddressingTests
{
    [Fact]
    public async Task A_stateless_worker_spreads_concurrent_calls_over_a_local_pool_up_to_its_limit()
    {
        await using var cluster = await TestClusters.StartAsync();
        var worker = cluster.Client.GetGrain<IWorkerGrain>(0);

        var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => worker.Gather(3))).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(3, cluster.Probe().MaxInFlight);
    }

    [Fact]
    public async Task A_grain_can_call_back_a_client_observer()
    {
        await using var cluster = await TestClusters.StartAsync();
        var collector = new GreetingCollector();
        var reference = cluster.Client.CreateObjectReference<IGreetingObserver>(collector);
        var key = Guid.NewGuid();

        await cluster.Client.GetGrain<INotifierGrain>(key).Notify(reference, "hi");

        Assert.Equal([$"hi from {key:N}"], collector.Messages);
        cluster.Client.DeleteObjectReference<IGreetingObserver>(collector);
        await Assert.ThrowsAsync<OrleansException>(() => cluster.Client.GetGrain<INotifierGrain>(key).Notify(reference, "again"));
    }

    [Fact]
    public async Task String_keys_are_kept_exactly_so_leading_zeros_make_a_different_grain()
    {
        await using var cluster = await TestClusters.StartAsync();
        await cluster.Client.GetGrain<IKeyGrain>("020235").Store(1);
        await cluster.Client.GetGrain<IKeyGrain>("20235").Store(2);

        await cluster.RestartSiloAsync();

        Assert.Equal(1, await cluster.Client.GetGrain<IKeyGrain>("020235").Load());
        Assert.Equal(2, await cluster.Client.GetGrain<IKeyGrain>("20235").Load());
        Assert.Equal("Ωμέγα/ключ ✓", await cluster.Client.GetGrain<IKeyGrain>("Ωμέγα/ключ ✓").Key());
    }

    [Fact]
    public async Task Compound_keys_reach_the_grain_with_their_extension()
    {
        await using var cluster = await TestClusters.StartAsync();

        Assert.Equal("-7|eu-west", await cluster.Client.GetGrain<ICompoundKeyGrain>(-7, "eu-west").Describe());
    }

    [Fact]
    public async Task Grain_references_are_equal_by_grain_id_and_survive_serialization()
    {
        await using var cluster = await TestClusters.StartAsync();
        var first = cluster.Client.GetGrain<IKeyGrain>("same");
        var second = cluster.Client.GetGrain<IKeyGrain>("same");

        await first.Store(5);
        var serializer = cluster.ServiceProvider.GetRequiredService<Maestro.Runtime.Serialization.GrainSerializer>();
        var roundTripped = serializer.Deserialize<IKeyGrain>(serializer.Serialize(first, typeof(IKeyGrain)))!;

        Assert.Equal(first, second);
        Assert.Equal("key/same", first.GetGrainId().ToString());
        Assert.Equal(first, roundTripped);
        Assert.Equal(5, await roundTripped.Load());
    }

    [Fact]
    public async Task Invalid_or_unimplemented_grain_interfaces_fail_at_GetGrain_with_the_reason()
    {
        await using var cluster = await TestClusters.StartAsync();

        var invalid = Assert.Throws<InvalidOperationException>(() => cluster.Client.GetGrain<IVoidMethodGrain>("v"));
        Assert.Contains("IVoidMethodGrain.Fire returns Void", invalid.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>(() => cluster.Client.GetGrain<IUnimplementedGrain>("u"));
        Assert.Contains("No grain class implements", missing.Message, StringComparison.Ordinal);
        var ambiguous = Assert.Throws<ArgumentException>(() => cluster.Client.GetGrain<ITurnGrain>("t"));
        Assert.Contains("grainClassNamePrefix", ambiguous.Message, StringComparison.Ordinal);
    }
}
