using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

public sealed class TurnBasedConcurrencyTests
{
    [Fact]
    public async Task A_non_reentrant_grain_runs_one_request_at_a_time_including_across_awaits()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ITurnGrain>("one", "Maestro.Runtime.Tests.Grains.TurnGrain");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Work()));

        Assert.Equal(1, cluster.Probe().MaxInFlight);
    }

    [Fact]
    public async Task Continuations_of_a_turn_run_on_the_activation_scheduler()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ITurnGrain>("sched", "Maestro.Runtime.Tests.Grains.TurnGrain");

        Assert.True(await grain.StaysOnItsActivation());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_at_await_points()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ITurnGrain>("re", "Maestro.Runtime.Tests.Grains.ReentrantTurnGrain");

        // Each call waits until all five have arrived: that completes only if they interleave.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.Rendezvous("all-in", 5))).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Read_only_methods_interleave_with_each_other_on_a_non_reentrant_grain()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ITurnGrain>("ro", "Maestro.Runtime.Tests.Grains.TurnGrain");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => grain.ReadOnlyRendezvous("readers", 4))).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_a_request_is_blocked()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ITurnGrain>("ai", "Maestro.Runtime.Tests.Grains.TurnGrain");
        var blocked = grain.WaitFor("release");
        await Probe.Eventually(() => probe.Saw("waiting:release"), "the first request is running");

        Assert.Equal("interleaved", await grain.Interleaving());
        Assert.False(blocked.IsCompleted);

        probe.Signal("release").SetResult();
        await blocked;
    }

    [Fact]
    public async Task A_non_reentrant_call_cycle_fails_with_a_timeout_instead_of_hanging()
    {
        await using var cluster = await TestClusters.StartAsync(silo =>
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(1)));
        var a = cluster.Client.GetGrain<IChainGrain>("a");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => a.CallThrough("b", allowReentrancy: false));

        Assert.Contains("ChainGrain", error.Message + error.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AllowCallChainReentrancy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_chain_reentrancy_lets_a_cycle_come_back_into_the_waiting_grain()
    {
        await using var cluster = await TestClusters.StartAsync(silo =>
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        var a = cluster.Client.GetGrain<IChainGrain>("a");

        Assert.Equal("back:a", await a.CallThrough("b", allowReentrancy: true));
    }

    [Fact]
    public async Task Request_context_flows_into_the_grain_and_onward_to_the_grains_it_calls()
    {
        await using var cluster = await TestClusters.StartAsync();
        RequestContext.Set("tenant", "acme");
        try
        {
            var grain = cluster.Client.GetGrain<IChainGrain>("ctx");
            Assert.Equal("acme", await grain.ReadContext("tenant"));
            Assert.Equal("acme", await grain.ReadContextThrough("ctx2", "tenant"));
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Null(await cluster.Client.GetGrain<IChainGrain>("ctx").ReadContext("tenant"));
    }
}
