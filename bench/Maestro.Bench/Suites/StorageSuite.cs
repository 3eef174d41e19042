using Maestro.Bench.Baselines;
using Maestro.Bench.Grains;
using Maestro.Bench.Harness;

namespace Maestro.Bench.Suites;

/// <summary>Persisted state writes per second beside a raw SQLite upsert loop, with one writer and with many.</summary>
internal sealed class StorageSuite(IClusterClient client, PairRunner runner, BenchOptions options, string dataDirectory)
{
    public const double Target = 0.80;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var results = new List<Comparison>();
        foreach (var writers in new[] { 1, options.Callers })
        {
            // Its own file, so the baseline's WAL and checkpoints never mix with the silo's.
            using var raw = new SqliteUpsertLoop(Path.Combine(dataDirectory, $"raw-{writers}.db"), writers);
            var grains = Enumerable.Range(0, writers).Select(i => client.GetGrain<IStateWriterGrain>($"writer-{writers}-{i}")).ToArray();

            // Activates every writer (reading its empty state) and creates its row before anything is timed.
            await Task.WhenAll(grains.Select(g => g.Write(0)));
            results.Add(await runner.RunAsync(
                "grain state write",
                "raw SQLite upsert",
                writers,
                Target,
                (c, s) => grains[c].Write(s),
                raw.UpsertAsync));
        }

        return results;
    }
}
