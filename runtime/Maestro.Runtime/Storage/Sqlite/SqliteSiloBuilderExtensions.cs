using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>Registers SQLite grain storage, named as Orleans' storage extensions are.</summary>
public static class SqliteSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DefaultStorageProviderName, configure);

    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
        builder.Services.AddKeyedSingleton(name, (sp, _) => new SqliteGrainStorage(
            name,
            sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<GrainSerializer>()));
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => sp.GetRequiredKeyedService<SqliteGrainStorage>(key));
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredKeyedService<SqliteGrainStorage>(name));
        return builder;
    }
}
