namespace Maestro.Runtime.Reminders;

/// <summary>The handle of a registered reminder: its ETag guards <c>UnregisterReminder</c> against a newer registration.</summary>
internal sealed record GrainReminder(GrainId GrainId, string ReminderName, long ETag, TimeSpan Period) : IGrainReminder;
