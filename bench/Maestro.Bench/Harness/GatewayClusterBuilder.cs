using Maestro.Runtime.Gateway;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.TestingHost;
using Maestro.Runtime.Transport;

namespace Maestro.Bench.Harness;

/// <summary>The one silo (SQLite, in its own data folder) with its client gateway on a free loopback port, as the client and gateway benchmarks use it.</summary>
internal static class GatewayClusterBuilder
{
    public static InProcessTestClusterBuilder Create(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new InProcessTestClusterBuilder()
            .ConfigureSilo(silo => silo.UseGateway().Configure<TransportOptions>(o => o.GatewayPort = 0));
        builder.Options.DataDirectory = Path.Combine(options.DataDirectory ?? Path.GetTempPath(), "maestro-bench", Guid.NewGuid().ToString("N"));
        builder.Options.ServiceId = "bench";
        return builder;
    }
}
