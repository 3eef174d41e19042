namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>SQLite's <c>synchronous</c> setting in WAL mode.</summary>
public enum SqliteDurability
{
    /// <summary>A committed write survives the process being killed; the last commits may be lost if the machine loses power.</summary>
    Normal,

    /// <summary>Every commit waits for the disk (fsync): survives power loss too, at a fraction of the write rate.</summary>
    Full,
}
