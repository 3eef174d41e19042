using Maestro.Grains.AutoRepair;
using Xunit;

namespace Maestro.Grains.Tests.AutoRepair;

public sealed class RepairCooldownTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_failure_is_queued_once_per_cool_down_not_on_every_monitor_round()
    {
        var state = new Dictionary<string, DateTimeOffset>();
        var cooldown = new RepairCooldown(TimeSpan.FromMinutes(30), state);

        // The original queued the same failure on every 30-second round.
        var admitted = Enumerable.Range(0, 120).Count(round => cooldown.TryAdmit("abc", Start.AddSeconds(30 * round)));

        Assert.Equal(2, admitted); // at 0 and at 30 minutes, within the hour of rounds
        Assert.Equal(Start.AddMinutes(30), state["abc"]);
    }

    [Fact]
    public void The_cool_down_survives_in_the_callers_state()
    {
        var state = new Dictionary<string, DateTimeOffset>();
        Assert.True(new RepairCooldown(TimeSpan.FromMinutes(30), state).TryAdmit("abc", Start));

        // A new instance over the same (persisted) state, as after a silo restart.
        var restarted = new RepairCooldown(TimeSpan.FromMinutes(30), state);

        Assert.False(restarted.TryAdmit("abc", Start.AddMinutes(5)));
        Assert.True(restarted.TryAdmit("other", Start.AddMinutes(5)));
    }

    [Fact]
    public void Memory_stays_bounded_forgetting_expired_fingerprints_first()
    {
        var state = new Dictionary<string, DateTimeOffset>();
        var cooldown = new RepairCooldown(TimeSpan.FromMinutes(30), state, maxEntries: 3);
        cooldown.TryAdmit("old", Start);
        cooldown.TryAdmit("b", Start.AddMinutes(20));
        cooldown.TryAdmit("c", Start.AddMinutes(25));

        Assert.True(cooldown.TryAdmit("d", Start.AddMinutes(35)));
        Assert.Equal(["b", "c", "d"], state.Keys.Order());

        Assert.True(cooldown.TryAdmit("e", Start.AddMinutes(36)));
        Assert.Equal(["c", "d", "e"], state.Keys.Order());
    }
}
