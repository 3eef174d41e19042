namespace Maestro.Runtime.Reminders;

/// <summary>Where a cluster keeps its reminders.</summary>
public sealed class PostgreSqlReminderOptions
{
    /// <summary>An Npgsql connection string (may be the cluster's). Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;
}
