namespace Maestro.Runtime;

/// <summary>Reminder registration for any grain, as Orleans' reminder extension methods.</summary>
public static class ReminderExtensions
{
    /// <summary>
    /// Registers the reminder, or changes its due time and period. <paramref name="period"/> must be at least
    /// <c>ReminderOptions.MinimumReminderPeriod</c> (1 min by default); the grain must implement <see cref="IRemindable"/>.
    /// </summary>
    public static Task<IGrainReminder> RegisterOrUpdateReminder(this IGrainBase grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        var registry = Registry(grain);
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain {grain.GrainContext.GrainId} ({grain.GetType().FullName}) must implement IRemindable to register reminders.");
        }

        return registry.RegisterOrUpdateReminder(grain.GrainContext.GrainId, reminderName, dueTime, period);
    }

    public static Task UnregisterReminder(this IGrainBase grain, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Registry(grain).UnregisterReminder(grain.GrainContext.GrainId, reminder);
    }

    public static Task<IGrainReminder?> GetReminder(this IGrainBase grain, string reminderName) =>
        Registry(grain).GetReminder(grain.GrainContext.GrainId, reminderName);

    public static Task<IReadOnlyList<IGrainReminder>> GetReminders(this IGrainBase grain) =>
        Registry(grain).GetReminders(grain.GrainContext.GrainId);

    private static IReminderRegistry Registry(IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return (IReminderRegistry?)grain.GrainContext.ActivationServices.GetService(typeof(IReminderRegistry))
            ?? throw new InvalidOperationException("No reminder service is configured on this silo: call UseSqliteReminderService or UsePostgreSqlReminderService.");
    }
}
