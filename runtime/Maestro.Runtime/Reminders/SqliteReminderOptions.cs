using Maestro.Runtime.Storage.Sqlite;

namespace Maestro.Runtime.Reminders;

/// <summary>Where a single silo keeps its reminders.</summary>
public sealed class SqliteReminderOptions
{
    /// <summary>The database file (may be the grain storage's). Required.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>Durability of each registration. Default Normal: survives a killed process.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Normal;

    /// <summary>How long a statement waits for the file's write lock. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
