using Maestro.Runtime.Tests.Grains;
using Maestro.Runtime.Tests.Streams.Grains;

namespace Maestro.Runtime.Tests.Streams;

/// <summary>Reminders on one silo with the SQLite table: validation, registration, listing, ETag-guarded removal, ticking.</summary>
public sealed class ReminderTests
{
    [Fact]
    public async Task A_period_below_the_minimum_is_rejected_with_the_limit_named()
    {
        await using var cluster = await StreamTests.StartAsync(new StreamRecorder(), configureReminders: o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("validated");

        var tooShort = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("fast", TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.Contains("below the minimum 00:01:00", tooShort.Message, StringComparison.Ordinal);
        Assert.Contains("'fast'", tooShort.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("late", TimeSpan.FromSeconds(-1), TimeSpan.FromMinutes(2)));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Register(" ", TimeSpan.Zero, TimeSpan.FromMinutes(2)));
        var notRemindable = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.GrainFactory.GetGrain<IExplicitConsumerGrain>("plain").RegisterReminder());
        Assert.Contains("must implement IRemindable", notRemindable.Message, StringComparison.Ordinal);
        Assert.Empty(await grain.List());
    }

    [Fact]
    public async Task Invalid_reminder_options_stop_the_silo_from_starting_with_the_reason()
    {
        var failure = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var cluster = await StreamTests.StartAsync(new StreamRecorder(), configureReminders: o => o.ReminderBuckets = 0);
        });

        Assert.Contains("ReminderBuckets must be 1..4096, not 0.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_are_listed_and_removed_only_with_a_current_handle()
    {
        await using var cluster = await StreamTests.StartAsync(new StreamRecorder());
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("listed");
        await grain.Register("b", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        await grain.Register("a", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        Assert.Equal(["a", "b"], await grain.List());

        // Updating "a" makes the handle from its first registration stale.
        await grain.Register("a", TimeSpan.FromHours(2), TimeSpan.FromHours(2));
        var stale = await Assert.ThrowsAsync<ReminderException>(() => grain.Unregister("a", useStaleHandle: true));
        Assert.Contains("changed or removed", stale.Message, StringComparison.Ordinal);
        await grain.Unregister("a", useStaleHandle: false);
        Assert.Equal(["b"], await grain.List());
    }

    [Fact]
    public async Task A_reminder_ticks_repeatedly_and_survives_a_silo_restart()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StreamTests.StartAsync(recorder);
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>("ticking");
        await grain.Register("beat", TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        await Probe.Eventually(() => recorder.Of("reminder:ticking:beat").Count >= 3, "three ticks");

        await cluster.RestartSiloAsync();
        var before = recorder.Of("reminder:ticking:beat").Count;
        await Probe.Eventually(() => recorder.Of("reminder:ticking:beat").Count >= before + 3, "three more ticks after the restart, read back from the table");
    }
}
