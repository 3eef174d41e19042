using Maestro.Runtime.Hosting;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.TestingHost;

/// <summary>Builds an <see cref="InProcessTestCluster"/>: the silo gets SQLite default storage in the cluster's data folder.</summary>
public sealed class InProcessTestClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> siloConfigurations = [];
    private readonly List<Action<IHostApplicationBuilder>> hostConfigurations = [];

    public InProcessTestClusterOptions Options { get; } = new();

    public InProcessTestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        siloConfigurations.Add(configure);
        return this;
    }

    public InProcessTestClusterBuilder ConfigureHost(Action<IHostApplicationBuilder> configure)
    {
        hostConfigurations.Add(configure);
        return this;
    }

    public InProcessTestCluster Build() => new(Options, [.. siloConfigurations], [.. hostConfigurations]);

    /// <summary>
    /// A cluster of <paramref name="silos"/> silos in this process that share the PostgreSQL database at
    /// <paramref name="postgreSqlConnectionString"/> for membership and the grain directory.
    /// </summary>
    public InProcessMultiSiloCluster BuildMultiSilo(string postgreSqlConnectionString, int silos = 2) =>
        new(Options, [.. siloConfigurations], [.. hostConfigurations], postgreSqlConnectionString, silos);
}
