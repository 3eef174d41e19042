using Maestro.Bench.Baselines;
using Maestro.Bench.Grains;
using Maestro.Bench.Harness;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench.Suites;

/// <summary>
/// Cross-silo grain calls (client of silo A, grains on silo B) beside a raw h2c echo between two Kestrel endpoints of
/// this process, with one caller and with many, each caller its own grain.
/// </summary>
internal sealed class ClusterCallSuite(InProcessSilo caller, InProcessSilo host, PairRunner runner, BenchOptions options)
{
    public const double Target = 0.50;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        await using var echo = new H2cEchoServer();
        await echo.StartAsync();
        using var client = new H2cEchoClient(echo.Address);
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, options.Callers })
        {
            var grains = await PlaceOnHostAsync(callers);
            if (await client.Ping(41) != 42)
            {
                throw new InvalidOperationException("The h2c echo came back with the wrong answer; the figures would be meaningless.");
            }

            results.Add(await runner.RunAsync(
                "cross-silo Ping(int)",
                "raw h2c echo",
                callers,
                Target,
                (c, s) => grains[c].Ping(s),
                (_, s) => client.Ping(s)));
        }

        return results;
    }

    /// <summary>
    /// Activates one grain per caller through the host silo (prefer-local placement puts it there), then checks through
    /// the calling silo that each answers from the host, so every measured call crosses between the silos.
    /// </summary>
    private async Task<IClusterPingGrain[]> PlaceOnHostAsync(int callers)
    {
        var keys = Enumerable.Range(0, callers).Select(i => (callers * 100_000L) + i).ToArray();
        var hosted = await Task.WhenAll(keys.Select(k => host.GrainFactory.GetGrain<IClusterPingGrain>(k).GetSiloName()));
        var grains = keys.Select(k => caller.GrainFactory.GetGrain<IClusterPingGrain>(k)).ToArray();
        var seen = await Task.WhenAll(grains.Select(g => g.GetSiloName()));
        var answers = await Task.WhenAll(grains.Select((g, i) => g.Ping(i)));
        if (hosted.Concat(seen).Any(name => name != host.Name) || answers.Where((a, i) => a != i + 1).Any())
        {
            throw new InvalidOperationException($"A bench grain is not on {host.Name} or answered wrongly; the calls would not be cross-silo.");
        }

        return grains;
    }
}
