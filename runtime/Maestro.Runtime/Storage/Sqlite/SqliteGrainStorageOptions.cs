namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>Settings of a SQLite grain storage provider.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>The database file; its folder is created if missing. Required. Give each provider its own file.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// Durability of each write. Default <see cref="SqliteDurability.Normal"/>: every acknowledged write survives a
    /// killed process (the embedded silo's promise); choose <see cref="SqliteDurability.Full"/> to survive power loss.
    /// </summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Normal;

    /// <summary>
    /// When false (the default), clearing keeps a tombstone row with a new ETag, so ETags only ever grow and a stale
    /// writer is always caught. When true, the row is deleted and the ETag becomes null, as Orleans' DeleteStateOnClear.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>How long an operation waits for a lock held by another process on the same file. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
