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
}
