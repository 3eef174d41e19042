namespace Maestro.Runtime.Reminders;

/// <summary>A reminder of an owned bucket, with when it ticks next and whether a tick is in flight (ticks never overlap).</summary>
internal sealed class ScheduledReminder(ReminderEntry entry, DateTime nextTick)
{
    public ReminderEntry Entry { get; set; } = entry;

    public DateTime NextTick { get; set; } = nextTick;

    public bool Ticking { get; set; }
}
