using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;

namespace Maestro.Runtime.Storage.PostgreSql;

/// <summary>Registers PostgreSQL grain storage, named as Orleans' storage extensions are.</summary>
public static class PostgreSqlSiloBuilderExtensions
{
    public static ISiloBuilder AddPostgreSqlGrainStorageAsDefault(this ISiloBuilder builder, Action<PostgreSqlGrainStorageOptions> configure) =>
        builder.AddPostgreSqlGrainStorage(ProviderConstants.DefaultStorageProviderName, configure);

    public static ISiloBuilder AddPostgreSqlGrainStorage(this ISiloBuilder builder, string name, Action<PostgreSqlGrainStorageOptions> configure) =>
        builder.AddGrainStorage(name, configure, static (sp, storageName, options) => new PostgreSqlGrainStorage(
            storageName,
            options,
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<GrainSerializer>(),
            sp.GetService<MembershipWriteFence>()));
}
