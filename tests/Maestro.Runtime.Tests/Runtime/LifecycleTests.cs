using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

public sealed class LifecycleTests
{
    private static Task<InProcessTestCluster> StartWithFastCollection() =>
        TestClusters.StartAsync(silo => silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(100);
        }));

    [Fact]
    public async Task An_idle_grain_is_deactivated_and_a_later_call_reactivates_it_with_its_state_reloaded()
    {
        await using var cluster = await StartWithFastCollection();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ILifecycleGrain>("idle", "Maestro.Runtime.Tests.Grains.LifecycleGrain");
        var first = await grain.GetActivationId();
        await grain.Remember(42);

        await Probe.Eventually(() => probe.Saw("deactivate:lifecycle/idle:ActivationIdle"), "the idle grain is collected");

        Assert.NotEqual(first, await grain.GetActivationId());
        Assert.Equal(42, await grain.Recall());
        Assert.True(probe.Saw("activate:lifecycle/idle:42"), "the new activation read the stored state before OnActivateAsync");
    }

    [Fact]
    public async Task KeepAlive_and_a_per_class_collection_age_exempt_grains_from_the_default_age()
    {
        await using var cluster = await StartWithFastCollection();
        var probe = cluster.Probe();
        var ordinary = cluster.Client.GetGrain<ILifecycleGrain>("o", "Maestro.Runtime.Tests.Grains.LifecycleGrain");
        var keptAlive = cluster.Client.GetGrain<ILifecycleGrain>("k", "Maestro.Runtime.Tests.Grains.KeptAliveLifecycleGrain");
        var longLived = cluster.Client.GetGrain<ILifecycleGrain>("l", "Maestro.Runtime.Tests.Grains.LongLivedLifecycleGrain");
        var delayed = cluster.Client.GetGrain<ILifecycleGrain>("d", "Maestro.Runtime.Tests.Grains.LifecycleGrain");
        var keptId = await keptAlive.GetActivationId();
        var longId = await longLived.GetActivationId();
        var delayedId = await delayed.GetActivationId();
        await delayed.KeepAliveFor(TimeSpan.FromMinutes(10));
        await ordinary.GetActivationId();

        // Collected after the others were last called: proof the collector ran past their idle age.
        await Probe.Eventually(() => probe.Saw("deactivate:lifecycle/o:ActivationIdle"), "the ordinary grain is collected");

        Assert.Equal(keptId, await keptAlive.GetActivationId());
        Assert.Equal(longId, await longLived.GetActivationId());
        Assert.Equal(delayedId, await delayed.GetActivationId());
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_current_call_and_the_next_call_gets_a_new_activation()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ILifecycleGrain>("bye", "Maestro.Runtime.Tests.Grains.LifecycleGrain");
        var first = await grain.GetActivationId();

        await grain.Deactivate();
        await Probe.Eventually(() => probe.Saw("deactivate:lifecycle/bye:ApplicationRequested"), "the grain deactivates");

        Assert.NotEqual(first, await grain.GetActivationId());
    }

    [Fact]
    public async Task Calls_queued_behind_a_deactivation_are_delivered_to_the_next_activation()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ILifecycleGrain>("queued", "Maestro.Runtime.Tests.Grains.LifecycleGrain");
        await grain.Remember(7);

        var deactivate = grain.Deactivate();
        var afterwards = Enumerable.Range(0, 50).Select(_ => grain.Recall()).ToList();
        await deactivate;

        Assert.All(await Task.WhenAll(afterwards), value => Assert.Equal(7, value));
    }

    [Fact]
    public async Task A_failed_activation_reaches_the_caller_and_the_next_call_tries_again()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<IFailingActivationGrain>("f");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(grain.Hello);
        Assert.Equal("Activation refused by the test.", error.Message);

        cluster.Probe().Signal("allow-activation").SetResult();
        Assert.Equal("hello", await grain.Hello());
    }

    [Fact]
    public async Task A_grain_needing_an_unregistered_service_fails_with_a_message_naming_it()
    {
        await using var cluster = await TestClusters.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.GetGrain<IMissingServiceGrain>("m").Touch());

        Assert.Contains(nameof(IServiceNobodyRegistered), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(MissingServiceGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graceful_stop_deactivates_every_grain_and_a_kill_does_not()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        await cluster.Client.GetGrain<ILifecycleGrain>("g1", "Maestro.Runtime.Tests.Grains.LifecycleGrain").Remember(1);
        await cluster.Client.GetGrain<ILifecycleGrain>("g2", "Maestro.Runtime.Tests.Grains.KeptAliveLifecycleGrain").Remember(2);

        await cluster.RestartSiloAsync();
        Assert.True(probe.Saw("deactivate:lifecycle/g1:ShuttingDown"));
        Assert.True(probe.Saw("deactivate:keptalivelifecycle/g2:ShuttingDown"));

        var second = cluster.Probe();
        await cluster.Client.GetGrain<ILifecycleGrain>("g1", "Maestro.Runtime.Tests.Grains.LifecycleGrain").Remember(3);
        await cluster.KillSiloAsync();
        Assert.DoesNotContain(second.Events, e => e.StartsWith("deactivate:", StringComparison.Ordinal));

        await cluster.DeployAsync();
        Assert.Equal(3, await cluster.Client.GetGrain<ILifecycleGrain>("g1", "Maestro.Runtime.Tests.Grains.LifecycleGrain").Recall());
    }

    [Fact]
    public async Task A_silo_with_an_impossible_collection_setting_refuses_to_start_and_names_it()
    {
        var cluster = new InProcessTestClusterBuilder()
            .ConfigureSilo(silo => silo.Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.Zero))
            .Build();
        await using (cluster)
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(cluster.DeployAsync);
            Assert.Contains("CollectionQuantum", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_activation_that_takes_longer_than_the_activation_timeout_fails_the_call_with_a_timeout()
    {
        await using var cluster = await TestClusters.StartAsync(silo =>
            silo.Configure<GrainCollectionOptions>(o => o.ActivationTimeout = TimeSpan.FromMilliseconds(300)));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => cluster.Client.GetGrain<ISlowLifecycleGrain>("hang-activate").GetActivationId());

        Assert.Contains("Activation of slowlifecycle/hang-activate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivation_that_overruns_its_timeout_is_abandoned_and_the_grain_can_activate_again()
    {
        await using var cluster = await TestClusters.StartAsync(silo =>
            silo.Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = TimeSpan.FromMilliseconds(300)));
        var grain = cluster.Client.GetGrain<ISlowLifecycleGrain>("hang-deactivate");
        var first = await grain.GetActivationId();

        await grain.Deactivate();
        await Probe.Eventually(() => cluster.Probe().Saw("deactivating"), "deactivation started");

        Assert.NotEqual(first, await grain.GetActivationId());
    }
}
