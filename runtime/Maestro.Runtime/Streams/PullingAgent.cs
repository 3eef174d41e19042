namespace Maestro.Runtime.Streams;

/// <summary>
/// Delivers one queue while this silo holds its lease at <c>epoch</c>: reads past the checkpoint in offset
/// order, hands each stream's events to each subscription by a grain call (streams and subscriptions in parallel, one
/// stream's events to one subscription strictly in order), retries failures with backoff, dead-letters an event after
/// MaxDeliveryAttempts failures, and then moves the checkpoint with a compare-and-swap on the lease. A rejected
/// checkpoint means another silo owns the queue now: the agent stops at once.
/// </summary>
internal sealed class PullingAgent(
    PersistentStreamProvider provider,
    int queue,
    long epoch,
    string owner,
    IGrainFactory grains,
    ImplicitSubscriptions implicitSubscriptions,
    TimeProvider time,
    ILogger logger)
{
    private readonly PersistentStreamOptions options = provider.Options;
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await PullAsync(cancellationToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Typically the database was unreachable: start over from the stored checkpoint, which redelivers at most
                // the batch in flight (at-least-once), after a pause so an outage is not hammered.
                logger.LogError(ex, "Stream provider {Provider} queue {Queue}: pulling failed; resuming from the checkpoint.", provider.Name, queue);
                try
                {
                    await Task.Delay(options.MaxRetryBackoff, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Pulls and delivers until cancelled; false when the checkpoint was refused (the queue has a new owner).</summary>
    private async Task<bool> PullAsync(CancellationToken cancellationToken)
    {
        var position = await provider.Log.LoadCheckpointAsync(queue, cancellationToken);
        var nextRetention = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= nextRetention)
            {
                await provider.Log.ApplyRetentionAsync(queue, options.Retention, cancellationToken);
                nextRetention = time.GetUtcNow() + options.RetentionPeriod;
            }

            var events = await provider.Log.ReadAsync(queue, position, options.MaxBatchSize, cancellationToken);
            if (events.Count == 0)
            {
                await provider.Signals.WaitAsync(queue, options.PollPeriod, cancellationToken);
                continue;
            }

            await DeliverAsync(events, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!await provider.Log.TryCommitCheckpointAsync(queue, events[^1].Sequence, owner, epoch, cancellationToken))
            {
                logger.LogWarning("Stream provider {Provider} queue {Queue}: checkpoint refused at epoch {Epoch}; another silo owns the queue now.", provider.Name, queue, epoch);
                return false;
            }

            position = events[^1].Sequence;
        }

        return true;
    }

    private async Task DeliverAsync(List<StoredStreamEvent> events, CancellationToken cancellationToken)
    {
        var explicitSubscriptions = (await provider.Log.SubscriptionsOfQueueAsync(queue, cancellationToken)).ToLookup(s => s.StreamId);
        var deliveries = new List<Task>();
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var items = stream.ToList();
            deliveries.AddRange(explicitSubscriptions[stream.Key].Select(s => DeliverToSubscriptionAsync(s, items, isImplicit: false, cancellationToken)));
            deliveries.AddRange(implicitSubscriptions.For(stream.Key).Select(s => DeliverToSubscriptionAsync(s, items, isImplicit: true, cancellationToken)));
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverToSubscriptionAsync(StoredSubscription subscription, List<StoredStreamEvent> items, bool isImplicit, CancellationToken cancellationToken)
    {
        var consumer = grains.GetGrain<IStreamConsumerExtension>(subscription.GrainId);
        var next = 0;
        var failures = 0;
        var unavailable = 0;
        while (next < items.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new StreamEventBatch(
                provider.Name, subscription.StreamId.Namespace, subscription.StreamId.Key, subscription.SubscriptionId, isImplicit,
                [.. items.Skip(next).Select(i => i.ToRecord())]);
            string error;
            try
            {
                var result = await consumer.DeliverStreamEvents(batch).WaitAsync(cancellationToken);
                if (result.Delivered > 0)
                {
                    failures = 0;
                }

                next += result.Delivered;
                unavailable = 0;
                if (result.Error is null)
                {
                    continue;
                }

                error = result.Error;
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // The consumer's silo is down or slow: not the event's fault, so it never counts towards dead-lettering.
                // Wait for membership to move the grain and try again.
                await Task.Delay(Backoff(++unavailable), cancellationToken);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = $"{ex.GetType().FullName}: {ex.Message}";
            }

            failures++;
            if (failures >= options.MaxDeliveryAttempts)
            {
                var poison = items[next];
                await provider.Log.AddDeadLetterAsync(queue, poison, subscription.SubscriptionId, subscription.GrainId, failures, error, cancellationToken);
                logger.LogWarning(
                    "Stream {Stream} event {EventId} (offset {Offset}) failed {Attempts} times for {Grain}; moved to dead letters: {Error}",
                    subscription.StreamId, poison.EventId, poison.Sequence, failures, subscription.GrainId, error);
                next++;
                failures = 0;
                continue;
            }

            await Task.Delay(Backoff(failures), cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 20));
        var delay = TimeSpan.FromMilliseconds(options.RetryBackoff.TotalMilliseconds * factor);
        return delay < options.MaxRetryBackoff ? delay : options.MaxRetryBackoff;
    }
}
