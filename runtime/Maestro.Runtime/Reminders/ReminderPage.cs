namespace Maestro.Runtime.Reminders;

/// <summary>A page of reminders and how many there are in all.</summary>
public sealed record ReminderPage(long Total, int Offset, int Limit, IReadOnlyList<ReminderRow> Items);
