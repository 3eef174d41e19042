using Maestro.Runtime.Tests.Storage.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// What the runtime does when a grain's stored record was changed by another writer: the grain's own write fails
/// with <see cref="InconsistentStateException"/>, and if that escapes the grain, only that activation is replaced.
/// </summary>
public sealed class StateConflictTests
{
    [Fact]
    public async Task A_grain_whose_record_changed_behind_its_back_fails_its_write_and_the_next_call_gets_a_fresh_activation()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var counter = cluster.Client.GetGrain<IPersistentCounterGrain>("overwritten");
        await counter.Add(1);
        var activationBefore = await counter.GetActivationId();
        var etagBefore = await counter.GetEtag();
        var storedEtag = await OverwriteStoredCountAsync(cluster, counter, 42);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Add(1));

        Assert.Equal(storedEtag, conflict.StoredEtag);
        Assert.Equal(etagBefore, conflict.CurrentEtag);
        Assert.NotEqual(activationBefore, await counter.GetActivationId());
        Assert.Equal(42, await counter.Get());
        Assert.Equal(43, await counter.Add(1));
    }

    [Fact]
    public async Task A_caller_that_receives_another_grains_conflict_is_not_deactivated()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var caller = cluster.Client.GetGrain<ICounterForwardingGrain>("caller");
        var counter = cluster.Client.GetGrain<IPersistentCounterGrain>("callee");
        await caller.AddTo("callee", 1);
        var callerActivation = await caller.GetActivationId();
        var counterActivation = await counter.GetActivationId();
        await OverwriteStoredCountAsync(cluster, counter, 10);

        await Assert.ThrowsAsync<InconsistentStateException>(() => caller.AddTo("callee", 1));

        Assert.Equal(callerActivation, await caller.GetActivationId());
        Assert.NotEqual(counterActivation, await counter.GetActivationId());
        Assert.Equal(11, await caller.AddTo("callee", 1));
    }

    [Fact]
    public async Task A_grain_that_handles_its_own_conflict_keeps_its_activation_and_builds_on_the_stored_value()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var counter = cluster.Client.GetGrain<IPersistentCounterGrain>("self-healing");
        await counter.Add(1);
        var activation = await counter.GetActivationId();
        await OverwriteStoredCountAsync(cluster, counter, 10);

        Assert.Equal(15, await counter.AddReloadingOnConflict(5));

        Assert.Equal(activation, await counter.GetActivationId());
        await cluster.RestartSiloAsync();
        Assert.Equal(15, await cluster.Client.GetGrain<IPersistentCounterGrain>("self-healing").Get());
    }

    /// <summary>Writes the counter's record through the silo's storage with the current ETag, as another activation would.</summary>
    private static async Task<string?> OverwriteStoredCountAsync(InProcessTestCluster cluster, IPersistentCounterGrain counter, int value)
    {
        var storage = cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName);
        var record = new GrainState<CountState>(new CountState());
        await storage.ReadStateAsync("count", counter.GetGrainId(), record);
        record.State.Value = value;
        await storage.WriteStateAsync("count", counter.GetGrainId(), record);
        return record.ETag;
    }
}
