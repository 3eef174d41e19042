using Npgsql;

namespace Maestro.Runtime.Cluster.PostgreSql;

/// <summary>What the membership table and the grain directory share: the data source they build and how they prepare it.</summary>
internal static class PostgreSqlClusterDatabase
{
    /// <summary>Builds a data source for <paramref name="component"/>; the returned description names the database, never the password.</summary>
    public static (NpgsqlDataSource DataSource, string Description) Create(PostgreSqlClusteringOptions options, string component)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"PostgreSQL {component} has no ConnectionString.");
        }

        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never the password.
            throw new InvalidOperationException($"PostgreSQL {component} has an invalid ConnectionString: {ex.Message}", ex);
        }

        builder.Name = $"maestro-{component.Replace(' ', '-')}";
        var description = $"'{builder.ConnectionStringBuilder.Database}' on {builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}";
        return (builder.Build(), description);
    }

    /// <summary>A typed parameter, so Npgsql never has to guess a type from a boxed value.</summary>
    public static NpgsqlParameter<T> Parameter<T>(T value) => new() { TypedValue = value };
}
