namespace Maestro.Runtime.Streams;

/// <summary>A stream provider in PostgreSQL: the cluster mode, every silo on the same database.</summary>
public sealed class PostgreSqlStreamOptions : PersistentStreamOptions
{
    /// <summary>An Npgsql connection string (may be the cluster's). Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    private protected override void ValidateLocation(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString is required.");
        }
    }
}
