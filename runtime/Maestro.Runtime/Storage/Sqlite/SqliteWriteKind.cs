namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>The guarded statements the SQLite writer loop runs.</summary>
internal enum SqliteWriteKind
{
    /// <summary>First write of a record (no ETag held): insert, or conflict if a row exists.</summary>
    Insert,

    /// <summary>Write with an ETag: update where the ETag matches.</summary>
    Update,

    /// <summary>Clear keeping a tombstone: null the payload and bump the ETag where it matches.</summary>
    Tombstone,

    /// <summary>Clear deleting the row where the ETag matches.</summary>
    Delete,

    /// <summary>Clear with no ETag held: succeeds only if no row exists.</summary>
    ExpectAbsent,
}
