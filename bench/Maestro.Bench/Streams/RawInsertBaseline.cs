using System.Data.Common;
using System.Diagnostics;
using Maestro.Runtime.Sql;

namespace Maestro.Bench.Streams;

/// <summary>
/// The raw baseline: the same rows the stream log writes (same columns, same batch size, one transaction per batch),
/// inserted straight into a scratch table of the same database by one connection, with no head row, no agent, no grain.
/// </summary>
internal static class RawInsertBaseline
{
    public static async Task<(double RowsPerSecond, double P50Micros, double P99Micros)> RunAsync(SqlDatabase database, int batchSize, TimeSpan duration)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, null, "DROP TABLE IF EXISTS bench_raw_events");
        await ExecuteAsync(connection, null,
            "CREATE TABLE bench_raw_events (provider text NOT NULL, queue_id bigint NOT NULL, seq bigint NOT NULL, stream_ns text NOT NULL, stream_key text NOT NULL, event_id text NOT NULL, payload text NOT NULL, created_ms bigint NOT NULL, PRIMARY KEY (provider, queue_id, seq))");
        var rows = string.Join(", ", Enumerable.Range(0, batchSize).Select(i => $"('raw', 0, @s{i}, 'bench', 'raw', @e{i}, @p{i}, 0)"));
        var sql = "INSERT INTO bench_raw_events (provider, queue_id, seq, stream_ns, stream_key, event_id, payload, created_ms) VALUES " + rows;
        var latencies = new List<double>();
        long seq = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            await using var transaction = await database.BeginWriteAsync(connection, CancellationToken.None);
            var parameters = new List<(string, object?)>(batchSize * 3);
            for (var i = 0; i < batchSize; i++)
            {
                parameters.Add(($"@s{i}", seq++));
                parameters.Add(($"@e{i}", Guid.CreateVersion7().ToString("D")));
                parameters.Add(($"@p{i}", $"{{\"createdTimestamp\":{start}}}"));
            }

            await using (var insert = SqlDatabase.Command(connection, transaction, sql, [.. parameters]))
            {
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var rate = seq / clock.Elapsed.TotalSeconds;
        await ExecuteAsync(connection, null, "DROP TABLE bench_raw_events");
        latencies.Sort();
        return (rate, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = SqlDatabase.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync();
    }
}
