using Maestro.Runtime;
using Maestro.Runtime.Hosting;

namespace Maestro.TestGrains;

/// <summary>See <see cref="ITestReminderGrain"/>. Needs the silo's minimum reminder period lowered to 1 s.</summary>
public sealed class TestReminderGrain(ISiloStatus silo, [PersistentState("ticks")] IPersistentState<TestStreamLog> ticks) : Grain, ITestReminderGrain, IRemindable
{
    public Task Start() => this.RegisterOrUpdateReminder("tick", TimeSpan.Zero, TimeSpan.FromSeconds(1));

    public Task<List<string>> GetTicks() => Task.FromResult(ticks.State.Deliveries.ToList());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Deliveries.Add(silo.SiloName);
        await ticks.WriteStateAsync();
    }
}
