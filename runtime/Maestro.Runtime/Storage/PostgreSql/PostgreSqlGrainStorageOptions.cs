namespace Maestro.Runtime.Storage.PostgreSql;

/// <summary>Settings of a PostgreSQL grain storage provider.</summary>
public sealed class PostgreSqlGrainStorageOptions
{
    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=db;Database=maestro;Username=maestro;Password=...</c>. Required. Pool
    /// size, timeouts (Timeout, Command Timeout; 15 s and 30 s by default) and TLS are set here, as Npgsql documents them.
    /// Every silo of a cluster points at the same database; its role needs CREATE on the schema unless a DBA applied
    /// the scripts of <c>deploy/sql/postgresql</c> beforehand.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// When false (the default), clearing keeps a tombstone row (payload NULL) with a new ETag, so a writer that never
    /// read the cleared record is still caught. When true, the row is deleted and the ETag becomes null, as Orleans'
    /// DeleteStateOnClear. Either way no ETag is ever issued twice for a record.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }
}
