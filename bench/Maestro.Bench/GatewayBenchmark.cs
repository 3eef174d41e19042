using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Grains.Registry;
using Maestro.Runtime.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Bench;

/// <summary>
/// The "gateway" command: one silo (SQLite) with its gateway on a free loopback port, and the REST API twice in this
/// process: co-hosted on the silo's grain factory, and as the gateway serves it, over Maestro.Client.
/// </summary>
internal static class GatewayBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- gateway");
        }

        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro gateway benchmark: 2 cases x 2 sides x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s."));
        var cluster = GatewayClusterBuilder.Create(options)
            .ConfigureHost(host => host.Services.AddServiceRegistry(o => o.SupervisorPeriod = TimeSpan.FromHours(1)))
            .Build();
        var comparisons = await SingleSiloRun.MeasureAsync(cluster, progress, async () =>
            await new GatewaySuite(cluster.Client, cluster.ServiceProvider.GetRequiredService<GatewayServer>().Address, new PairRunner(options, progress), options.Callers).RunAsync());
        if (comparisons is null)
        {
            return 1;
        }

        ResultReport.Print("Maestro gateway benchmark", "gateway", startedUtc, options, comparisons, new
        {
            durationSeconds = options.Duration.TotalSeconds,
            warmupSeconds = options.Warmup.TotalSeconds,
            callers = options.Callers,
            rounds = options.Rounds,
        });

        // 0 whether or not the targets are met: the bench informs people; it does not gate anything.
        return 0;
    }
}
