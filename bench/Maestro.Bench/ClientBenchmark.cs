using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Client;
using Maestro.Runtime.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Bench;

/// <summary>
/// The "client" command: one silo (SQLite) with its gateway on a free loopback port, a <see cref="ConnectedClusterClient"/>
/// connected to it, and client calls beside a raw h2c echo, all in this process so both sides cross the same loopback.
/// </summary>
internal static class ClientBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- client");
        }

        var perCase = options.Warmup.TotalSeconds + (options.Rounds * options.Duration.TotalSeconds)
            + ((options.Rounds - 1) * Math.Min(options.Warmup.TotalSeconds, 0.2));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro client benchmark: 2 cases x 2 sides x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s, about {4 * perCase:0} s."));

        var cluster = GatewayClusterBuilder.Create(options).Build();
        var comparisons = await SingleSiloRun.MeasureAsync(cluster, progress, async () =>
        {
            var gateway = cluster.ServiceProvider.GetRequiredService<GatewayServer>().Address;
            progress.WriteLine($"Client calls through the gateway at {gateway}:");
            await using var client = await ConnectedClusterClient.ConnectAsync(c => c.UseStaticClustering(o => o.Gateways.Add(gateway)));
            return await new ClientCallSuite(client, new PairRunner(options, progress), options).RunAsync();
        });
        if (comparisons is null)
        {
            return 1;
        }

        ResultReport.Print("Maestro client benchmark", "client", startedUtc, options, comparisons, new
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
