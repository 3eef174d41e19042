using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

public sealed class TimerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    private static int Ticks(Probe probe, string grain) => probe.Events.Count(e => e == $"tick:timer/{grain}");

    [Fact]
    public async Task Ticks_never_overlap_even_when_a_tick_takes_longer_than_the_period()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ITimerGrain>("slow");

        await grain.StartSlowTimer(Period, interleave: true, keepAlive: false);
        await Probe.Eventually(() => Ticks(probe, "slow") >= 5, "five ticks have run");

        Assert.Equal(1, probe.MaxInFlight);
    }

    [Fact]
    public async Task A_tick_waits_for_the_running_request_unless_the_timer_interleaves()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var polite = cluster.Client.GetGrain<ITimerGrain>("polite");
        await polite.StartSlowTimer(Period, interleave: false, keepAlive: false);
        await Probe.Eventually(() => Ticks(probe, "polite") >= 1, "the first tick ran");

        var hold = polite.HoldTurn("release-polite");
        await Probe.Eventually(() => probe.Saw("holding"), "the request holds the turn");
        var ticksWhileHeld = Ticks(probe, "polite");
        var eager = cluster.Client.GetGrain<ITimerGrain>("eager");
        await eager.StartSlowTimer(Period, interleave: true, keepAlive: false);
        var eagerHold = eager.HoldTurn("release-eager");

        // The interleaving timer ticks during its grain's held request; by then the polite one has had many periods to misbehave.
        await Probe.Eventually(() => probe.Saw("tick-during-request"), "an interleaving tick runs during a request");
        Assert.InRange(Ticks(probe, "polite"), ticksWhileHeld, ticksWhileHeld + 1);

        probe.Signal("release-polite").SetResult();
        probe.Signal("release-eager").SetResult();
        await Task.WhenAll(hold, eagerHold);
        await Probe.Eventually(() => Ticks(probe, "polite") > ticksWhileHeld + 1, "the polite timer resumes after the request");
    }

    [Fact]
    public async Task Timers_are_dropped_when_the_grain_deactivates()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ITimerGrain>("dropped");
        await grain.StartSlowTimer(TimeSpan.FromMilliseconds(5), interleave: true, keepAlive: false);
        await Probe.Eventually(() => Ticks(probe, "dropped") >= 2, "the timer ticks");

        await grain.Deactivate();
        await Probe.Eventually(() => probe.Saw("deactivate:timer/dropped:ApplicationRequested"), "the grain deactivates");
        var ticks = Ticks(probe, "dropped");
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal(ticks, Ticks(probe, "dropped"));
    }

    [Fact]
    public async Task A_timer_keeps_its_grain_alive_only_with_KeepAlive()
    {
        await using var cluster = await TestClusters.StartAsync(silo => silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(100);
        }));
        var probe = cluster.Probe();
        var kept = cluster.Client.GetGrain<ITimerGrain>("kept");
        var keptId = await kept.GetActivationId();
        await kept.StartSlowTimer(TimeSpan.FromMilliseconds(10), interleave: true, keepAlive: true);
        var notKept = cluster.Client.GetGrain<ITimerGrain>("not-kept");
        await notKept.StartSlowTimer(TimeSpan.FromMilliseconds(10), interleave: true, keepAlive: false);

        await Probe.Eventually(() => probe.Saw("deactivate:timer/not-kept:ActivationIdle"), "the grain whose timer does not keep it alive is collected");

        Assert.False(probe.Saw("deactivate:timer/kept:ActivationIdle"));
        Assert.Equal(keptId, await kept.GetActivationId());
    }

    [Fact]
    public async Task A_failing_tick_is_logged_and_the_timer_keeps_running()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();

        await cluster.Client.GetGrain<ITimerGrain>("failing").StartFailingTimer(TimeSpan.FromMilliseconds(10));

        await Probe.Eventually(() => probe.Saw("failing-tick:3"), "the timer ticks again after failures");
    }
}
