using Maestro.Bench.Baselines;
using Maestro.Bench.Grains;
using Maestro.Bench.Harness;

namespace Maestro.Bench.Suites;

/// <summary>Grain calls per second beside a raw channel round trip, with one caller and with many.</summary>
internal sealed class CallSuite(IClusterClient client, PairRunner runner, BenchOptions options)
{
    public const double Target = 0.25;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, options.Callers })
        {
            await using var channel = new ChannelRoundTrip();

            // Each caller has its own grain, so the figure is the runtime's cost, not callers queueing on one activation.
            var grains = Enumerable.Range(0, callers).Select(i => client.GetGrain<IPingGrain>((callers * 100_000L) + i)).ToArray();
            await CheckAsync(grains, channel);
            results.Add(await runner.RunAsync(
                "grain call Ping(int)",
                "Channel<T> round trip",
                callers,
                Target,
                (c, s) => grains[c].Ping(s),
                (_, s) => channel.Ping(s)));
        }

        return results;
    }

    /// <summary>Both sides answer correctly before they are timed (and every grain is activated outside the window).</summary>
    private static async Task CheckAsync(IPingGrain[] grains, ChannelRoundTrip channel)
    {
        var answers = await Task.WhenAll(grains.Select((g, i) => g.Ping(i)));
        if (answers.Where((a, i) => a != i + 1).Any() || await channel.Ping(41) != 42)
        {
            throw new InvalidOperationException("A ping came back with the wrong answer; the figures would be meaningless.");
        }
    }
}
