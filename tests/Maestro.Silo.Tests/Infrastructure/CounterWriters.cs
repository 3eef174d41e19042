namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// Load for the fault tests: one writer loop per counter key, each incrementing through the silo that
/// <c>through</c> picks for its round, recording every outcome in a <see cref="CounterLedger"/>, until stopped.
/// </summary>
internal sealed class CounterWriters
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] writers;

    private CounterWriters(IReadOnlyList<string> keys, CounterLedger ledger, Func<int, ClusterSilo> through)
    {
        writers = [.. keys.Select((key, index) => Task.Run(async () =>
        {
            for (var round = index; !stop.IsCancellationRequested; round++)
            {
                await IncrementOnceAsync(through(round), key, ledger, stop.Token);
                await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
            }
        }, CancellationToken.None))];
    }

    public static CounterWriters Start(IReadOnlyList<string> keys, CounterLedger ledger, Func<int, ClusterSilo> through) => new(keys, ledger, through);

    /// <summary>Stops the loops and waits for their last calls, whose outcomes are then in the ledger.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        stop.Dispose();
    }

    /// <summary>One increment: acknowledged with its value, or recorded as failed with its outcome (status and body, or the exception).</summary>
    private static async Task IncrementOnceAsync(ClusterSilo through, string key, CounterLedger ledger, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        try
        {
            using var response = await through.CallCounterAsync(key, "Increment", CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                ledger.Acknowledge(key, JsonDocument.Parse(body).RootElement.GetProperty("value").GetInt64());
            }
            else
            {
                ledger.Fail(key, $"{through.Name} answered {(int)response.StatusCode}: {body}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The silo taking the HTTP request may be the one just killed; the increment may or may not have applied.
            ledger.Fail(key, $"{through.Name}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
