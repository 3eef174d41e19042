namespace Maestro.Runtime;

/// <summary>The silo's reminder service as the grain-side helpers see it.</summary>
internal interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(GrainId grainId, IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId);
}
