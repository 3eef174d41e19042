using System.Diagnostics;
using Maestro.Bench.Reporting;
using Maestro.Bench.Streams;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Sql;
using Maestro.Runtime.Storage.Sqlite;
using Maestro.Runtime.Streams;
using Maestro.Runtime.TestingHost;
using Maestro.Runtime.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Bench;

/// <summary>
/// The "streams" command: one silo with the SQLite stream provider, then one with the PostgreSQL provider on a private
/// server. For each: events per second end to end (16 streams appended in batches of 100 until delivered to implicit
/// consumers) and delivery latency (one event at a time, paced, from creation to handler), each beside raw inserts of
/// the same rows into the same database in the same run.
/// </summary>
internal static class StreamsBenchmark
{
    private const int StreamCount = 16;
    private const int BatchSize = 100;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        var duration = options.Duration;
        var figures = new List<StreamFigures>();
        var folder = Path.Combine(options.DataDirectory ?? Path.GetTempPath(), "maestro-bench", Guid.NewGuid().ToString("N"));
        PrivatePostgreSqlServer? server = null;
        try
        {
            progress.WriteLine("SQLite stream provider, one silo ...");
            var sqlitePath = Path.Combine(folder, "streams.db");
            figures.Add(await MeasureAsync(
                "SQLite", folder, silo => silo.AddSqliteStreams(StreamingSiloBuilderExtensions.DefaultStreamProviderName, o => o.DatabasePath = sqlitePath),
                () => SqlDatabases.Sqlite(sqlitePath, SqliteDurability.Normal, TimeSpan.FromSeconds(5)), duration, eventsTarget: 10_000, latencyTargetMs: null, progress));

            progress.WriteLine("Starting a private PostgreSQL server ...");
            server = await PrivatePostgreSqlServer.StartNewAsync();
            var database = await server.CreateDatabaseAsync("maestro_streams_bench");
            progress.WriteLine("PostgreSQL stream provider, one silo ...");
            figures.Add(await MeasureAsync(
                "PostgreSQL", Path.Combine(folder, "pg"), silo => silo.AddPostgreSqlStreams(StreamingSiloBuilderExtensions.DefaultStreamProviderName, o => o.ConnectionString = database),
                () => SqlDatabases.PostgreSql(database, "bench-raw"), duration, eventsTarget: null, latencyTargetMs: 250, progress));
        }
        catch (Exception ex)
        {
            progress.WriteLine($"error: the benchmark failed: {ex}");
            return 1;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        var output = Console.Out;
        output.WriteLine();
        ResultFile.WriteHeading(output, "Maestro streams benchmark", startedUtc, options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {StreamCount} streams appended in batches of {BatchSize} for {duration.TotalSeconds:0.##} s, timed until the last is delivered; raw = the same rows, same batches, one connection, one transaction per batch"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency: one event every {Pace.TotalMilliseconds:0} ms from creation to the consumer's handler; raw = one single-row insert transaction"));
        output.WriteLine();
        output.WriteLine("backend     events/s   raw rows/s  ratio  target events/s  p50 ms  p99 ms  raw p50 ms  raw p99 ms  target p99 ms  verdict");
        foreach (var f in figures)
        {
            var verdict = (f.EventsPerSecondTarget is not { } events || f.EventsPerSecond >= events) && (f.LatencyP99TargetMs is not { } p99 || f.LatencyP99Ms <= p99)
                ? "PASS" : "BELOW TARGET";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Backend,-10} {f.EventsPerSecond,9:N0} {f.RawRowsPerSecond,12:N0} {f.ThroughputRatio,5:P0} {Target(f.EventsPerSecondTarget, ">= ", "N0"),16} {f.LatencyP50Ms,7:F1} {f.LatencyP99Ms,7:F1} {f.RawInsertP50Ms,11:F2} {f.RawInsertP99Ms,11:F2} {Target(f.LatencyP99TargetMs, "<= ", "F0"),14}  {verdict}"));
        }

        output.WriteLine();
        if (options.WriteJson)
        {
            var path = ResultFile.Write(options.OutputDirectory ?? RuntimeBenchmark.DefaultOutputDirectory(), "streams", startedUtc, new
            {
                durationSeconds = duration.TotalSeconds,
                streams = StreamCount,
                batchSize = BatchSize,
                paceMilliseconds = Pace.TotalMilliseconds,
            }, [], new Dictionary<string, object?> { ["streams"] = figures });
            output.WriteLine($"JSON: {path}");
        }

        return 0;
    }

    private static string Target(double? value, string prefix, string format) =>
        value is { } target ? prefix + target.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static async Task<StreamFigures> MeasureAsync(
        string backend, string folder, Action<ISiloBuilder> addStreams, Func<SqlDatabase> rawDatabase, TimeSpan duration, double? eventsTarget, double? latencyTargetMs, TextWriter progress)
    {
        var recorder = new StreamDeliveryRecorder();
        var builder = new InProcessTestClusterBuilder();
        builder.Options.DataDirectory = folder;
        builder.Options.DeleteDataDirectoryOnDispose = false;
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(recorder);
            addStreams(silo);
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var provider = cluster.Client.GetStreamProvider(StreamingSiloBuilderExtensions.DefaultStreamProviderName);
        var streams = Enumerable.Range(0, StreamCount)
            .Select(i => provider.GetStream<BenchStreamEvent>(StreamId.Create(BenchStreamConsumerGrain.Namespace, $"stream-{i}")))
            .ToArray();

        // Warm-up: every consumer activated, every agent running.
        await Task.WhenAll(streams.Select(s => s.OnNextAsync(new BenchStreamEvent(Stopwatch.GetTimestamp()))));
        await WaitDeliveredAsync(recorder, StreamCount);

        progress.WriteLine($"  throughput, {duration.TotalSeconds:0.##} s ...");
        var before = recorder.Delivered;
        long published = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(streams.Select(async stream =>
        {
            while (clock.Elapsed < duration)
            {
                var now = Stopwatch.GetTimestamp();
                await stream.OnNextBatchAsync(Enumerable.Range(0, BatchSize).Select(_ => new BenchStreamEvent(now)));
                Interlocked.Add(ref published, BatchSize);
            }
        }));
        var appended = clock.Elapsed;
        await WaitDeliveredAsync(recorder, before + published);
        var eventsPerSecond = published / clock.Elapsed.TotalSeconds;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {published:N0} events appended in {appended.TotalSeconds:F2} s ({published / appended.TotalSeconds:N0}/s), all delivered after {clock.Elapsed.TotalSeconds:F2} s"));
        recorder.TakeLatencies();

        progress.WriteLine($"  latency, {duration.TotalSeconds:0.##} s ...");
        before = recorder.Delivered;
        var sent = 0;
        clock.Restart();
        while (clock.Elapsed < duration)
        {
            await streams[sent % StreamCount].OnNextAsync(new BenchStreamEvent(Stopwatch.GetTimestamp()));
            sent++;
            await Task.Delay(Pace);
        }

        await WaitDeliveredAsync(recorder, before + sent);
        var latencies = recorder.TakeLatencies();

        progress.WriteLine($"  raw inserts, {duration.TotalSeconds:0.##} s each ...");
        await using var raw = rawDatabase();
        var (rawRows, _, _) = await RawInsertBaseline.RunAsync(raw, BatchSize, duration);
        var (_, rawP50, rawP99) = await RawInsertBaseline.RunAsync(raw, 1, duration);
        await cluster.StopAllSilosAsync();
        return new StreamFigures(
            backend, published, eventsPerSecond, rawRows,
            RawInsertBaseline.Percentile(latencies, 0.50) / 1000, RawInsertBaseline.Percentile(latencies, 0.99) / 1000,
            rawP50 / 1000, rawP99 / 1000, eventsTarget, latencyTargetMs);
    }

    private static async Task WaitDeliveredAsync(StreamDeliveryRecorder recorder, long count)
    {
        var limit = Stopwatch.StartNew();
        while (recorder.Delivered < count)
        {
            if (limit.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"Only {recorder.Delivered} of {count} events were delivered within 2 minutes.");
            }

            await Task.Delay(5);
        }
    }
}
