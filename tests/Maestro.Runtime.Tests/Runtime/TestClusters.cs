using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

/// <summary>Starts a test cluster with a <see cref="Probe"/> and test-friendly limits.</summary>
internal static class TestClusters
{
    public static async Task<InProcessTestCluster> StartAsync(Action<ISiloBuilder>? configure = null)
    {
        var cluster = new InProcessTestClusterBuilder()
            .ConfigureSilo(silo =>
            {
                silo.Services.AddSingleton<Probe>();
                silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
                configure?.Invoke(silo);
            })
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static Probe Probe(this InProcessTestCluster cluster) => cluster.ServiceProvider.GetRequiredService<Probe>();
}
