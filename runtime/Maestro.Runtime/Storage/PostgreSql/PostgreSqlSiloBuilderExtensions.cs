using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Storage.PostgreSql;

/// <summary>Registers PostgreSQL grain storage, named as Orleans' storage extensions are.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    public static ISiloBuilder AddPostgreSqlGrainStorageAsDefault(this ISiloBuilder builder, Action<PostgreSqlGrainStorageOptions> configure) =>
        builder.AddPostgreSqlGrainStorage(ProviderConstants.DefaultStorageProviderName, configure);

    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, Action<PostgreSqlGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgreSqlGrainStorageOptions>(name).Configure(configure);
        builder.Services.AddKeyedSingleton(name, (sp, _) => new PostgreSqlGrainStorage(
            name,
            sp.GetRequiredService<IOptionsMonitor<PostgreSqlGrainStorageOptions>>().Get(name),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<GrainSerializer>()));
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => sp.GetRequiredKeyedService<PostgreSqlGrainStorage>(key));

        // As a lifecycle participant the provider applies the schema before the first grain runs, so a database that
        // is unreachable or newer than the silo stops the silo from starting instead of failing grain by grain.
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredKeyedService<PostgreSqlGrainStorage>(name));
        return builder;
    }
}
