using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>Registers SQLite grain storage, named as Orleans' storage extensions are.</summary>
public static class SqliteSiloBuilderExtensions
{
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DefaultStorageProviderName, configure);

    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure) =>
        builder.AddGrainStorage(name, configure, static (sp, storageName, options) => new SqliteGrainStorage(
            storageName,
            options,
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<GrainSerializer>()));
}
