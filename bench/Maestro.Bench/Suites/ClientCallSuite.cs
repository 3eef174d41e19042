using Maestro.Bench.Baselines;
using Maestro.Bench.Grains;
using Maestro.Bench.Harness;

namespace Maestro.Bench.Suites;

/// <summary>
/// Grain calls from a gateway client (HTTP/2 to the silo's gateway port, routed by the silo to a local activation)
/// beside a raw h2c echo between an HttpClient and a Kestrel endpoint of the same process, with one caller and many.
/// </summary>
internal sealed class ClientCallSuite(IClusterClient client, PairRunner runner, BenchOptions options)
{
    public const double Target = 0.50;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        await using var echo = new H2cEchoServer();
        await echo.StartAsync();
        using var raw = new H2cEchoClient(echo.Address);
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, options.Callers })
        {
            // Each caller has its own grain, activated before the clock starts.
            var grains = Enumerable.Range(0, callers).Select(i => client.GetGrain<IPingGrain>((callers * 100_000L) + i)).ToArray();
            var answers = await Task.WhenAll(grains.Select((g, i) => g.Ping(i)));
            if (answers.Where((a, i) => a != i + 1).Any() || await raw.Ping(41) != 42)
            {
                throw new InvalidOperationException("A ping came back with the wrong answer; the figures would be meaningless.");
            }

            results.Add(await runner.RunAsync(
                "client -> gateway Ping(int)",
                "raw h2c echo",
                callers,
                Target,
                (c, s) => grains[c].Ping(s),
                (_, s) => raw.Ping(s)));
        }

        return results;
    }
}
