namespace Maestro.Runtime.Leases;

/// <summary>
/// Keeps this silo's fair share of a set of leased resources, as Orleans' LeaseBasedQueueBalancer: every renew period
/// it renews what it holds (and stops work on what it lost), gives back what exceeds its share of the live silos, and
/// takes free or expired resources up to that share. A silo that dies simply stops renewing; once its leases expire the
/// survivors take them. <see cref="StopAsync"/> releases everything at once; <see cref="AbandonAsync"/>, for a kill,
/// stops the work and leaves the leases to expire.
/// </summary>
internal sealed class LeaseKeeper(
    LeaseTable table,
    IReadOnlyList<string> resources,
    string owner,
    TimeSpan leaseDuration,
    TimeSpan renewPeriod,
    Func<int> liveSilos,
    Func<string, long, Task> onAcquired,
    Func<string, Task> onStopped,
    ILogger logger) : IAsyncDisposable
{
    private readonly Dictionary<string, long> held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly int firstCandidate = Random.Shared.Next(resources.Count);
    private Task loop = Task.CompletedTask;

    public string Owner { get; } = owner;

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);

    /// <summary>Graceful: stops the work on every held resource, then releases its lease for the next owner.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await EndLoopAsync();
        foreach (var (resource, epoch) in held)
        {
            await onStopped(resource);
            try
            {
                await table.ReleaseAsync(resource, Owner, epoch, cancellationToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not release lease {Category}/{Resource}; it will expire instead.", table.Category, resource);
            }
        }

        held.Clear();
    }

    /// <summary>A kill: stops the work, leaves the leases to expire as a crashed silo would.</summary>
    public async Task AbandonAsync()
    {
        await EndLoopAsync();
        foreach (var resource in held.Keys)
        {
            await onStopped(resource);
        }

        held.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await EndLoopAsync();
        stopping.Dispose();
    }

    private async Task EndLoopAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }

        await loop;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await BalanceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable: what we hold is re-checked on the next round.
                logger.LogWarning(ex, "Lease round for {Category} failed; retrying in {Period}.", table.Category, renewPeriod);
            }

            try
            {
                await Task.Delay(renewPeriod, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var renewed = await table.RenewAllAsync(Owner, leaseDuration, cancellationToken);
        foreach (var (resource, epoch) in held.ToList())
        {
            if (!renewed.TryGetValue(resource, out var current) || current != epoch)
            {
                held.Remove(resource);
                logger.LogWarning("Lost lease {Category}/{Resource} (epoch {Epoch}); stopping its work.", table.Category, resource, epoch);
                await onStopped(resource);
            }
        }

        var share = (resources.Count + Math.Max(1, liveSilos()) - 1) / Math.Max(1, liveSilos());
        foreach (var resource in held.Keys.Order(StringComparer.Ordinal).Reverse().Take(Math.Max(0, held.Count - share)).ToList())
        {
            var epoch = held[resource];
            held.Remove(resource);
            await onStopped(resource);
            await table.ReleaseAsync(resource, Owner, epoch, cancellationToken);
            logger.LogDebug("Handed over lease {Category}/{Resource}: this silo's share is {Share}.", table.Category, resource, share);
        }

        for (var i = 0; i < resources.Count && held.Count < share; i++)
        {
            var resource = resources[(firstCandidate + i) % resources.Count];
            if (held.ContainsKey(resource))
            {
                continue;
            }

            if (await table.TryAcquireAsync(resource, Owner, leaseDuration, cancellationToken) is { } epoch)
            {
                held[resource] = epoch;
                logger.LogDebug("Acquired lease {Category}/{Resource} at epoch {Epoch}.", table.Category, resource, epoch);
                try
                {
                    await onAcquired(resource, epoch);
                }
                catch
                {
                    // Holding a lease whose work never started would park the resource: give it back for the next round.
                    held.Remove(resource);
                    await table.ReleaseAsync(resource, Owner, epoch, cancellationToken);
                    throw;
                }
            }
        }
    }
}
