using Maestro.Runtime.Storage.Sqlite;

namespace Maestro.Runtime.Streams;

/// <summary>A stream provider in a SQLite file: the single-silo mode.</summary>
public sealed class SqliteStreamOptions : PersistentStreamOptions
{
    /// <summary>The database file (may be the grain storage's). Required.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>Durability of each append. Default Normal: an acknowledged event survives a killed process.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Normal;

    /// <summary>How long a statement waits for the file's write lock. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    private protected override void ValidateLocation(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            problems.Add("DatabasePath is required.");
        }
    }
}
