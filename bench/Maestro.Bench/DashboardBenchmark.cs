using System.Net;
using System.Net.Sockets;
using Maestro.Bench.Dashboard;
using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Grains.Access;
using Maestro.Runtime.Statistics;
using Maestro.Silo;
using Maestro.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Bench;

/// <summary>
/// The "dashboard" command: the real silo host (SQLite, API keys, the dashboard) in this process, grain calls from
/// its co-hosted client with the dashboard open (on the silo, then on a gateway host over Maestro.Client in this
/// process) beside the same calls with it closed, in one run.
/// </summary>
internal static class DashboardBenchmark
{
    /// <summary>Counting switches off this long after the last poll, so a closed round never runs with it on.</summary>
    private const string StatisticsWindow = "00:00:01";

    /// <summary>Polls per warm-up burst of each poller, enough for the runtime to tier the poll's code up.</summary>
    private const int WarmUpPolls = 60;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- dashboard");
        }

        var perCase = options.Warmup.TotalSeconds + (options.Rounds * options.Duration.TotalSeconds) + ((options.Rounds - 1) * Math.Min(options.Warmup.TotalSeconds, 0.2));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro dashboard benchmark: 3 cases x 2 sides x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s, about {6 * perCase:0} s."));

        var dataDirectory = Path.Combine(options.DataDirectory ?? Path.GetTempPath(), "maestro-bench", Guid.NewGuid().ToString("N"));
        var (key, _) = ApiKeyCodec.Generate();
        var port = FreeLoopbackPort();
        var gatewayPort = FreeLoopbackPort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Maestro:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Maestro:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Maestro:DataDirectory"] = dataDirectory,
            ["Maestro:ServiceId"] = "bench",
            ["Maestro:InitialApiKey"] = key,
            ["Maestro:Dashboard:StatisticsWindow"] = StatisticsWindow,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddMaestroSilo();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMaestroDashboard();
        await app.StartAsync();
        List<Comparison> comparisons;
        int polls;
        try
        {
            await using var poller = new DashboardPoller(new Uri($"http://127.0.0.1:{port}"));
            await poller.SignInAsync(key);
            await using var gateway = await GatewayDashboardHost.StartAsync(new Uri($"http://127.0.0.1:{gatewayPort}/"));
            await using var gatewayPoller = new DashboardPoller(gateway.Address);
            await gatewayPoller.SignInAsync(key);
            await poller.WarmUpAsync(WarmUpPolls);
            await gatewayPoller.WarmUpAsync(WarmUpPolls);
            progress.WriteLine("Grain calls from the co-hosted client, dashboard overview open (polled every second, on the silo or the gateway) vs closed:");
            var suite = new DashboardSuite(
                app.Services.GetRequiredService<IGrainFactory>(), app.Services.GetRequiredService<GrainCallStatistics>(), poller, gatewayPoller, new PairRunner(options, progress), options);
            comparisons = [.. await suite.RunAsync()];
            polls = poller.Polls + gatewayPoller.Polls;
        }
        finally
        {
            await app.StopAsync();
        }

        ResultReport.Print("Maestro dashboard benchmark", "dashboard", startedUtc, options, comparisons, new
        {
            durationSeconds = options.Duration.TotalSeconds,
            warmupSeconds = options.Warmup.TotalSeconds,
            callers = options.Callers,
            rounds = options.Rounds,
            statisticsWindow = StatisticsWindow,
        });
        foreach (var c in comparisons)
        {
            // This process's own CPU per call: unlike ops/s, other processes on a busy machine barely move it.
            var (open, closed) = (c.Subject.CpuMicrosecondsPerOperation, c.Baseline.CpuMicrosecondsPerOperation);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU per call, {c.Subject.Callers} caller(s): open {open:F2} us, closed {closed:F2} us ({(closed > 0 ? ((open / closed) - 1) * 100 : 0):+0.0;-0.0}%)"));
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dashboard polls answered during the open rounds: {polls}."));
        return 0;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
