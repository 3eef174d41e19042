namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>Records each tick in the shared <see cref="StreamRecorder"/> as event "reminder:{key}:{name}".</summary>
public sealed class ReminderGrain(StreamRecorder recorder, ISiloStatus silo) : Grain, IReminderGrain, IRemindable
{
    private readonly Dictionary<string, IGrainReminder> firstHandles = [];

    public async Task<string> Register(string name, TimeSpan dueTime, TimeSpan period)
    {
        var reminder = await this.RegisterOrUpdateReminder(name, dueTime, period);
        firstHandles.TryAdd(name, reminder);
        return reminder.ReminderName;
    }

    public async Task<List<string>> List() => [.. (await this.GetReminders()).Select(r => r.ReminderName)];

    public async Task Unregister(string name, bool useStaleHandle)
    {
        var handle = useStaleHandle ? firstHandles[name] : await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder {name}.");
        await this.UnregisterReminder(handle);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        recorder.Record(new ReceivedEvent($"reminder:{this.GetPrimaryKeyString()}:{reminderName}", 0, status.CurrentTickTime.Ticks, Guid.Empty, silo.SiloName, GrainContext.ActivationId));
        return Task.CompletedTask;
    }
}
