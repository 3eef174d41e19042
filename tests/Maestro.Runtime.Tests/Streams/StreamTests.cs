using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;
using Maestro.Runtime.Tests.Grains;
using Maestro.Runtime.Tests.Streams.Grains;
using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Tests.Streams;

/// <summary>
/// Streams on one silo with the SQLite provider: per-stream order, poison events to dead letters while the stream keeps
/// flowing, rewind from a token and its retention limit, explicit subscriptions surviving deactivation.
/// </summary>
public sealed class StreamTests
{
    public const string ProviderName = "Default";

    [Fact]
    public async Task Each_stream_is_delivered_complete_and_in_order_to_its_implicit_consumer()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StartAsync(recorder);
        var provider = cluster.Client.GetStreamProvider(ProviderName);
        var keys = Enumerable.Range(0, 6).Select(i => $"order-{i}").ToArray();

        // Six streams written concurrently, each by single appends and batches interleaved, spread over the queues.
        await Task.WhenAll(keys.Select(async key =>
        {
            var stream = provider.GetStream<StreamItem>(StreamId.Create(ImplicitConsumerGrain.Namespace, key));
            for (var n = 0; n < 150; n += 10)
            {
                await stream.OnNextAsync(new StreamItem(n));
                await stream.OnNextBatchAsync(Enumerable.Range(n + 1, 9).Select(i => new StreamItem(i)));
            }
        }));

        foreach (var key in keys)
        {
            await Probe.Eventually(() => recorder.Numbers($"implicit:{key}").Count == 150, $"stream {key} delivered all 150 events");
            var received = recorder.Of($"implicit:{key}");
            Assert.Equal(Enumerable.Range(0, 150), received.Select(r => r.Number));
            Assert.Equal(received.Select(r => r.Sequence).Order(), received.Select(r => r.Sequence));
            Assert.Equal(150, received.Select(r => r.EventId).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_poison_event_is_dead_lettered_with_its_error_after_the_configured_attempts_and_the_stream_keeps_flowing()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StartAsync(recorder, streams => streams.MaxDeliveryAttempts = 3);
        var stream = cluster.Client.GetStreamProvider(ProviderName).GetStream<StreamItem>(StreamId.Create(ImplicitConsumerGrain.Namespace, "poisoned"));

        await stream.OnNextBatchAsync(Enumerable.Range(0, 10).Select(i => new StreamItem(i, Poison: i == 3)));
        await Probe.Eventually(() => recorder.Numbers("implicit:poisoned").Count == 9, "every event but the poison was delivered");
        await stream.OnNextBatchAsync(Enumerable.Range(10, 5).Select(i => new StreamItem(i)));
        await Probe.Eventually(() => recorder.Numbers("implicit:poisoned").Count == 14, "events after the poison kept flowing");

        Assert.Equal([0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], recorder.Of("implicit:poisoned").Select(r => r.Number));
        Assert.Equal(3, recorder.Failures("implicit:poisoned", 3));
        var deadLetter = Assert.Single(await DeadLettersAsync(cluster));
        Assert.Equal(3, deadLetter.Attempts);
        Assert.Equal("poisoned", deadLetter.StreamKey);
        Assert.Contains("poison event 3 refused (attempt 3)", deadLetter.Error, StringComparison.Ordinal);
        Assert.Contains("\"Number\":3", deadLetter.Payload, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_subscription_with_an_old_token_replays_the_stream_from_that_event()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StartAsync(recorder);
        var stream = cluster.Client.GetStreamProvider(ProviderName).GetStream<StreamItem>(StreamId.Create(ExplicitConsumerGrain.Namespace, "history"));
        var first = cluster.GrainFactory.GetGrain<IExplicitConsumerGrain>("history");
        await first.Subscribe("history", token: null);
        await stream.OnNextBatchAsync(Enumerable.Range(0, 8).Select(i => new StreamItem(i)));
        await Probe.Eventually(() => recorder.Numbers("explicit:history").Count == 8, "the first subscriber received the history");
        var third = recorder.Of("explicit:history").Single(r => r.Number == 3);

        var late = cluster.GrainFactory.GetGrain<IExplicitConsumerGrain>("late");
        await late.Subscribe("history", new StreamSequenceToken(third.Sequence, 0, third.EventId));
        await stream.OnNextAsync(new StreamItem(8));

        await Probe.Eventually(() => recorder.Numbers("explicit:late").Count == 6, "the late subscriber received events 3 to 8");
        var replayed = recorder.Of("explicit:late");
        Assert.Equal([3, 4, 5, 6, 7, 8], replayed.Select(r => r.Number));
        Assert.Equal(recorder.Of("explicit:history").Where(r => r.Number >= 3).Select(r => r.EventId).Take(5), replayed.Take(5).Select(r => r.EventId));
    }

    [Fact]
    public async Task A_rewind_to_events_past_retention_is_refused_with_the_reason()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StartAsync(recorder, streams =>
        {
            streams.Retention = TimeSpan.FromMilliseconds(1);
            streams.RetentionPeriod = TimeSpan.FromMilliseconds(100);
        });
        var stream = cluster.Client.GetStreamProvider(ProviderName).GetStream<StreamItem>(StreamId.Create(ExplicitConsumerGrain.Namespace, "expiring"));
        var consumer = cluster.GrainFactory.GetGrain<IExplicitConsumerGrain>("expiring");
        await consumer.Subscribe("expiring", token: null);
        await stream.OnNextBatchAsync(Enumerable.Range(0, 3).Select(i => new StreamItem(i)));
        await Probe.Eventually(() => recorder.Numbers("explicit:expiring").Count == 3, "the events were delivered");
        var oldest = recorder.Of("explicit:expiring")[0];

        // Retention deletes delivered events past their age on the owner's next pass.
        var refused = await EventuallyThrowsAsync<ArgumentException>(
            () => cluster.GrainFactory.GetGrain<IExplicitConsumerGrain>("too-late").Subscribe("expiring", new StreamSequenceToken(oldest.Sequence, 0, oldest.EventId)));
        Assert.Contains("past retention", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_subscription_survives_deactivation_and_is_resumed_by_the_next_activation()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StartAsync(recorder);
        var stream = cluster.Client.GetStreamProvider(ProviderName).GetStream<StreamItem>(StreamId.Create(ExplicitConsumerGrain.Namespace, "resumer"));
        var consumer = cluster.GrainFactory.GetGrain<IExplicitConsumerGrain>("resumer");
        await consumer.Subscribe("resumer", token: null);
        await stream.OnNextBatchAsync(Enumerable.Range(0, 3).Select(i => new StreamItem(i)));
        await Probe.Eventually(() => recorder.Numbers("explicit:resumer").Count == 3, "the first activation received events 0 to 2");
        var firstActivation = await consumer.GetActivationId();

        await consumer.Deactivate();
        await Probe.Eventually(() => cluster.ServiceProvider.GetRequiredService<ISiloStatus>().ActivationCount == 0, "the consumer deactivated");
        await stream.OnNextBatchAsync(Enumerable.Range(3, 3).Select(i => new StreamItem(i)));

        await Probe.Eventually(() => recorder.Numbers("explicit:resumer").Count == 6, "the stream reactivated the consumer, which resumed its subscription");
        var later = recorder.Of("explicit:resumer").Where(r => r.Number >= 3).ToList();
        Assert.All(later, r => Assert.NotEqual(firstActivation, r.ActivationId));
        Assert.Equal(1, await consumer.CountHandles("resumer"));

        await consumer.Unsubscribe("resumer");
        Assert.Equal(0, await consumer.CountHandles("resumer"));
    }

    [Fact]
    public async Task A_single_silo_killed_mid_delivery_delivers_every_appended_event_after_its_restart()
    {
        var recorder = new StreamRecorder();
        await using var cluster = await StartAsync(recorder);
        var stream = cluster.Client.GetStreamProvider(ProviderName).GetStream<StreamItem>(StreamId.Create(ImplicitConsumerGrain.Namespace, "crash"));
        await stream.OnNextBatchAsync(Enumerable.Range(0, 100).Select(i => new StreamItem(i, HandlingDelayMs: 5)));
        await Probe.Eventually(() => recorder.Numbers("implicit:crash").Count >= 10, "delivery was under way");

        await cluster.KillSiloAsync();
        await cluster.DeployAsync();

        // The restarted silo takes its own queue leases back at once (no wait for the default 60 s lease) and
        // redelivers from the last checkpoint: everything arrives, duplicates carry their original event id.
        await Probe.Eventually(() => recorder.Numbers("implicit:crash").Count == 100, "all 100 events were delivered after the restart");
        var received = recorder.Of("implicit:crash");
        Assert.Equal(Enumerable.Range(0, 100), received.DistinctBy(r => r.Number).Select(r => r.Number));
        Assert.All(received.GroupBy(r => r.Number), copies => Assert.Single(copies.Select(c => c.EventId).Distinct()));
    }

    [Fact]
    public async Task Subscribing_outside_a_grain_and_producing_with_a_token_are_refused()
    {
        await using var cluster = await StartAsync(new StreamRecorder());
        var stream = cluster.Client.GetStreamProvider(ProviderName).GetStream<StreamItem>(StreamId.Create(ExplicitConsumerGrain.Namespace, "misuse"));

        var outside = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.SubscribeAsync((_, _) => Task.CompletedTask));
        Assert.Contains("must be called by a grain", outside.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => stream.OnNextAsync(new StreamItem(1), new StreamSequenceToken(5, 0, Guid.NewGuid())));
        var unknown = Assert.Throws<KeyNotFoundException>(() => cluster.Client.GetStreamProvider("nope"));
        Assert.Contains("'nope'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_stream_options_stop_the_silo_from_starting_with_every_problem_named()
    {
        var failure = await Assert.ThrowsAnyAsync<OptionsValidationException>(async () =>
        {
            await using var cluster = await StartAsync(new StreamRecorder(), streams =>
            {
                streams.QueueCount = 0;
                streams.MaxDeliveryAttempts = 0;
                streams.LeaseRenewPeriod = TimeSpan.FromMinutes(5);
            });
        });

        Assert.Contains("Stream provider 'Default': QueueCount must be 1..1024, not 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDeliveryAttempts must be at least 1, not 0.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("LeaseRenewPeriod (00:05:00) must be positive and shorter than LeaseDuration (00:01:00).", failure.Message, StringComparison.Ordinal);
    }

    internal static async Task<InProcessTestCluster> StartAsync(StreamRecorder recorder, Action<SqliteStreamOptions>? configureStreams = null, Action<ReminderOptions>? configureReminders = null)
    {
        var builder = new InProcessTestClusterBuilder();
        var data = builder.Options.DataDirectory;
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(recorder);
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.AddSqliteStreams(ProviderName, o =>
            {
                o.DatabasePath = Path.Combine(data, "streams.db");
                o.RetryBackoff = TimeSpan.FromMilliseconds(10);
                o.MaxRetryBackoff = TimeSpan.FromMilliseconds(100);
                configureStreams?.Invoke(o);
            });
            silo.UseSqliteReminderService(o => o.DatabasePath = Path.Combine(data, "reminders.db"));
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
                o.RefreshReminderListPeriod = TimeSpan.FromMilliseconds(500);
                configureReminders?.Invoke(o);
            });
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    private static async Task<List<(string StreamKey, long Attempts, string Error, string Payload)>> DeadLettersAsync(InProcessTestCluster cluster)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(cluster.DataDirectory, "streams.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream_key, attempts, error, payload FROM stream_dead_letters";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(string, long, string, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>Calls <paramref name="call"/> until it throws <typeparamref name="TException"/>; fails after 20 s.</summary>
    private static async Task<TException> EventuallyThrowsAsync<TException>(Func<Task> call)
        where TException : Exception
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await call();
            }
            catch (TException ex)
            {
                return ex;
            }

            Assert.False(timeout.IsCancellationRequested, $"Timed out waiting for {typeof(TException).Name}.");
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
