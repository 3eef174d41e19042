using System.Collections.Concurrent;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// What a writer loop learned about each counter: the values its acknowledged increments returned, and how many
/// increments failed (which may or may not have been applied). The outcome of every failed call is kept for messages.
/// </summary>
internal sealed class CounterLedger
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<long>> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> failed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> failures = new();

    public void Acknowledge(string key, long value) => acknowledged.GetOrAdd(key, _ => []).Add(value);

    public void Fail(string key, string outcome)
    {
        failed.AddOrUpdate(key, 1, (_, n) => n + 1);
        failures.Enqueue($"{key}: {outcome}");
    }

    public IReadOnlyList<long> Acknowledged(string key) =>
        acknowledged.TryGetValue(key, out var values) ? [.. values.Order()] : [];

    public int Failed(string key) => failed.GetValueOrDefault(key);

    public int TotalAcknowledged => acknowledged.Values.Sum(v => v.Count);

    public string Failures => string.Join(Environment.NewLine, failures.Take(50));

    /// <summary>
    /// No acknowledged increment lost, none doubled: the acknowledged values are distinct, the final value is at least
    /// the number of acknowledged increments (and their largest value), and at most that plus the failed attempts.
    /// </summary>
    public void AssertConsistent(string key, long final)
    {
        var values = Acknowledged(key);
        Assert.True(values.Distinct().Count() == values.Count, $"Counter {key} acknowledged the same value twice: {string.Join(',', values)}");
        Assert.True(final >= values.Count, $"Counter {key} lost acknowledged increments: {values.Count} acknowledged, final value {final}.");
        Assert.True(values.Count == 0 || final >= values[^1], $"Counter {key} went back: acknowledged {values[^1]}, final value {final}.");
        Assert.True(final <= values.Count + Failed(key), $"Counter {key} counted more than was attempted: {values.Count} acknowledged + {Failed(key)} failed, final value {final}.");
    }

    /// <summary>Waits (bounded) until the writers have <paramref name="total"/> acknowledged increments in all.</summary>
    public async Task WaitForTotalAsync(int total, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (TotalAcknowledged < total)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The writers did not reach {total} acknowledged increments.{Environment.NewLine}{Failures}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>Waits (bounded) until each of <paramref name="keys"/> has more acknowledged increments than it has now.</summary>
    public async Task WaitUntilEachAdvancesAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var before = keys.ToDictionary(k => k, k => Acknowledged(k).Count, StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        foreach (var (key, count) in before)
        {
            while (Acknowledged(key).Count <= count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Counter {key} was not served again within {SiloProcess.Patience}.{Environment.NewLine}{Failures}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }
}
