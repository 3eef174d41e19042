using Maestro.Runtime.Cluster;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.TestingHost;

/// <summary>One silo of an <see cref="InProcessMultiSiloCluster"/>: its services and its co-hosted client.</summary>
public sealed class InProcessSilo
{
    internal InProcessSilo(string name, IHost host)
    {
        Name = name;
        Host = host;
    }

    public string Name { get; }

    public IServiceProvider ServiceProvider => Host.Services;

    /// <summary>A client whose calls enter the cluster through this silo.</summary>
    public IClusterClient Client => ServiceProvider.GetRequiredService<IClusterClient>();

    public IGrainFactory GrainFactory => Client;

    /// <summary>This silo's cluster address, <c>host:port:generation</c>.</summary>
    public string Address => ServiceProvider.GetRequiredService<ClusterView>().RequireLocal().ToString();

    /// <summary>False once the silo was stopped or killed.</summary>
    public bool IsRunning { get; internal set; } = true;

    internal IHost Host { get; }
}
