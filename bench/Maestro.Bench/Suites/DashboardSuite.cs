using Maestro.Bench.Dashboard;
using Maestro.Bench.Grains;
using Maestro.Bench.Harness;
using Maestro.Runtime.Statistics;

namespace Maestro.Bench.Suites;

/// <summary>
/// Grain calls with the dashboard's overview open (statistics on, the page's poll running) beside the same calls with
/// it closed (statistics off), one caller and many, alternating over the rounds.
/// </summary>
internal sealed class DashboardSuite(IGrainFactory grains, GrainCallStatistics statistics, DashboardPoller poller, PairRunner runner, BenchOptions options)
{
    public const double Target = 0.95;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, options.Callers })
        {
            var pings = Enumerable.Range(0, callers).Select(i => grains.GetGrain<IPingGrain>((callers * 100_000L) + i)).ToArray();
            await Task.WhenAll(pings.Select(p => p.Ping(0)));
            await WaitForCollectingAsync(false);
            results.Add(await runner.RunAsync(
                "grain calls, dashboard open",
                "grain calls, dashboard closed",
                callers,
                Target,
                (c, s) => pings[c].Ping(s),
                (c, s) => pings[c].Ping(s),
                async () =>
                {
                    await poller.StartAsync();
                    await WaitForCollectingAsync(true);
                },
                async () =>
                {
                    await poller.StopAsync();
                    await WaitForCollectingAsync(false);
                }));
        }

        return results;
    }

    /// <summary>Both sides must run in the state they claim: open with counting on, closed with it off.</summary>
    private async Task WaitForCollectingAsync(bool expected)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (statistics.IsCollecting != expected)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Grain-call statistics did not switch {(expected ? "on" : "off")} within 30 s.");
            }

            await Task.Delay(50);
        }
    }
}
