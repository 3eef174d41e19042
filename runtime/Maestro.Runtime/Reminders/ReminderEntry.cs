namespace Maestro.Runtime.Reminders;

/// <summary>One row of the <c>reminders</c> table.</summary>
internal sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTime StartAt, TimeSpan Period, int Bucket, long ETag)
{
    /// <summary>The first tick at or after <paramref name="now"/>: missed ticks are not replayed, as in Orleans.</summary>
    public DateTime NextTickAtOrAfter(DateTime now)
    {
        if (now <= StartAt)
        {
            return StartAt;
        }

        var periods = (long)Math.Ceiling((now - StartAt).Ticks / (double)Period.Ticks);
        return StartAt + TimeSpan.FromTicks(Period.Ticks * periods);
    }
}
