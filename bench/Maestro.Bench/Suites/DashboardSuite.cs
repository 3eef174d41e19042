using Maestro.Bench.Dashboard;
using Maestro.Bench.Grains;
using Maestro.Bench.Harness;
using Maestro.Runtime.Statistics;

namespace Maestro.Bench.Suites;

/// <summary>
/// Grain calls with the dashboard's overview open (statistics on, the page's poll running) beside the same calls with
/// it closed (statistics off), one caller and many, alternating over the rounds; then many callers with the overview
/// open on the gateway's dashboard instead of the silo's (<paramref name="gatewayPoller"/>).
/// </summary>
internal sealed class DashboardSuite(IGrainFactory grains, GrainCallStatistics statistics, DashboardPoller poller, DashboardPoller gatewayPoller, PairRunner runner, BenchOptions options)
{
    public const double Target = 0.95;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var results = new List<Comparison>();
        foreach (var (callers, open, figure) in new[]
        {
            (1, poller, "grain calls, dashboard open"),
            (options.Callers, poller, "grain calls, dashboard open"),
            (options.Callers, gatewayPoller, "grain calls, open on gateway"),
        })
        {
            var pings = Enumerable.Range(0, callers).Select(i => grains.GetGrain<IPingGrain>((callers * 100_000L) + i)).ToArray();
            await Task.WhenAll(pings.Select(p => p.Ping(0)));
            await WaitForCollectingAsync(false);
            results.Add(await runner.RunAsync(
                figure,
                "grain calls, dashboard closed",
                callers,
                Target,
                (c, s) => pings[c].Ping(s),
                (c, s) => pings[c].Ping(s),
                async () =>
                {
                    await open.StartAsync();
                    await WaitForCollectingAsync(true);
                },
                async () =>
                {
                    await open.StopAsync();
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
