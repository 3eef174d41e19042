namespace Maestro.Runtime.Reminders;

/// <summary>One reminder as the dashboard lists it.</summary>
/// <param name="GrainId">The grain, <c>type/key</c>.</param>
/// <param name="Name">The reminder's name.</param>
/// <param name="StartAt">Its first tick (UTC).</param>
/// <param name="Period">Time between ticks.</param>
/// <param name="NextTick">The next tick at or after now (UTC).</param>
public sealed record ReminderRow(string GrainId, string Name, DateTime StartAt, TimeSpan Period, DateTime NextTick);
