namespace Maestro.Dashboard;

/// <summary>One log entry kept for the dashboard's log tail.</summary>
/// <param name="Sequence">Increases by one per entry, so the page asks only for what it has not seen.</param>
/// <param name="Time">When it was logged (UTC).</param>
/// <param name="Level">Its level, as <see cref="LogLevel"/> names it.</param>
/// <param name="Category">The logger's category.</param>
/// <param name="Message">The formatted message, with the exception's type and message when there is one.</param>
public sealed record DashboardLogEntry(long Sequence, DateTimeOffset Time, string Level, string Category, string Message);
