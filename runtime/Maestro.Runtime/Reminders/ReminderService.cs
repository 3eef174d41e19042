using System.Globalization;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Leases;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Reminders;

/// <summary>
/// Reminders (orleans.md §7.6): stored in the <c>reminders</c> table, spread over buckets that silos lease. The holder
/// of a bucket keeps its reminders in memory (reread every refresh period and on acquisition) and ticks each one by
/// an ordinary grain call to <see cref="IRemindable.ReceiveReminder"/>, which activates the grain wherever it is placed.
/// When a silo dies its buckets' leases expire and the survivors take them and tick from the table; missed ticks are
/// not replayed, and around a handover a tick may repeat, as in Orleans.
/// </summary>
internal sealed class ReminderService : IReminderRegistry, ISiloLifecycleParticipant, IHostedService, IAsyncDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<int, Dictionary<(GrainId, string), ScheduledReminder>> owned = [];
    private readonly ReminderTable table;
    private readonly LeaseKeeper keeper;
    private readonly ReminderOptions options;
    private readonly IGrainFactory grains;
    private readonly TimeProvider time;
    private readonly ILogger<ReminderService> logger;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    public ReminderService(
        ReminderTable table,
        IOptions<ReminderOptions> options,
        IOptions<SiloOptions> siloOptions,
        IGrainFactory grains,
        TimeProvider time,
        IServiceProvider services,
        ILogger<ReminderService> logger)
    {
        options.Value.Validate();
        this.table = table;
        this.options = options.Value;
        this.grains = grains;
        this.time = time;
        this.logger = logger;
        var membership = services.GetService<IClusterMembershipStatus>();
        keeper = new LeaseKeeper(
            new LeaseTable(table.Database, $"reminders:{table.ServiceId}"),
            [.. Enumerable.Range(0, this.options.ReminderBuckets).Select(b => b.ToString("D4", CultureInfo.InvariantCulture))],
            LeaseTable.OwnerName(siloOptions.Value.SiloName, clustered: membership is not null),
            this.options.LeaseDuration,
            this.options.LeaseRenewPeriod,
            () => membership?.ActiveSilos.Count ?? 1,
            (bucket, _) => LoadBucketAsync(int.Parse(bucket, CultureInfo.InvariantCulture), stopping.Token),
            bucket => DropBucket(int.Parse(bucket, CultureInfo.InvariantCulture)),
            logger);
    }

    /// <summary>True when this silo holds the bucket of <paramref name="grain"/>'s reminders and so ticks them.</summary>
    public bool OwnsRemindersOf(GrainId grain)
    {
        lock (gate)
        {
            return owned.ContainsKey(BucketOf(grain));
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ValidateName(grainId, reminderName);
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"Reminder '{reminderName}' of grain {grainId}: the due time must not be negative.");
        }

        if (period < options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period,
                $"Reminder '{reminderName}' of grain {grainId}: the period {period} is below the minimum {options.MinimumReminderPeriod} (ReminderOptions.MinimumReminderPeriod).");
        }

        var bucket = BucketOf(grainId);
        var startAt = time.GetUtcNow().UtcDateTime + dueTime;
        var etag = await WithTableErrors(reminderName, grainId, () => table.UpsertAsync(grainId, reminderName, startAt, period, bucket, CancellationToken.None));
        var entry = new ReminderEntry(grainId, reminderName, startAt, period, bucket, etag);
        lock (gate)
        {
            if (owned.TryGetValue(bucket, out var reminders))
            {
                reminders[(grainId, reminderName)] = new ScheduledReminder(entry, startAt);
            }
        }

        Wake();
        return new GrainReminder(grainId, reminderName, etag, period);
    }

    public async Task UnregisterReminder(GrainId grainId, IGrainReminder reminder)
    {
        if (reminder is not GrainReminder known || known.GrainId != grainId)
        {
            throw new ArgumentException($"Reminder '{reminder.ReminderName}' was not obtained by grain {grainId} from this runtime.", nameof(reminder));
        }

        if (!await WithTableErrors(reminder.ReminderName, grainId, () => table.DeleteAsync(grainId, known.ReminderName, known.ETag, CancellationToken.None)))
        {
            throw new ReminderException(
                $"Reminder '{known.ReminderName}' of grain {grainId} was not removed: it was changed or removed since this handle was obtained (ETag {known.ETag}). Get it again with GetReminder.");
        }

        lock (gate)
        {
            if (owned.TryGetValue(BucketOf(grainId), out var reminders))
            {
                reminders.Remove((grainId, known.ReminderName));
            }
        }
    }

    public async Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName)
    {
        ValidateName(grainId, reminderName);
        var rows = await WithTableErrors(reminderName, grainId, () => table.ReadGrainAsync(grainId, reminderName, CancellationToken.None));
        return rows.Select(r => new GrainReminder(r.GrainId, r.ReminderName, r.ETag, r.Period)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId)
    {
        var rows = await WithTableErrors("*", grainId, () => table.ReadGrainAsync(grainId, null, CancellationToken.None));
        return [.. rows.Select(r => new GrainReminder(r.GrainId, r.ReminderName, r.ETag, r.Period))];
    }

    public Task OnSiloStartAsync(CancellationToken cancellationToken) => table.Database.PrepareSchemaAsync(cancellationToken);

    public Task OnSiloStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after the silo started, so ticks find grains ready to run.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        keeper.Start();
        loop = Task.Run(() => TickLoopAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            await keeper.AbandonAsync();
        }
        else
        {
            await keeper.StopAsync(cancellationToken);
        }

        await stopping.CancelAsync();
        await loop;
    }

    public async ValueTask DisposeAsync()
    {
        await keeper.DisposeAsync();
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }

        await loop;
        await table.Database.DisposeAsync();
    }

    private int BucketOf(GrainId grain)
    {
        var hash = 2166136261u;
        foreach (var c in grain.ToString())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)options.ReminderBuckets);
    }

    private static void ValidateName(GrainId grainId, string reminderName)
    {
        if (string.IsNullOrWhiteSpace(reminderName) || reminderName.Length > 150)
        {
            throw new ArgumentException($"Grain {grainId}: a reminder name must be 1 to 150 characters, not blank (got '{reminderName}').", nameof(reminderName));
        }
    }

    private static async Task<T> WithTableErrors<T>(string reminderName, GrainId grainId, Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (System.Data.Common.DbException ex)
        {
            throw new ReminderException($"Reminder '{reminderName}' of grain {grainId}: the reminder table failed: {ex.Message}", ex);
        }
    }

    private async Task LoadBucketAsync(int bucket, CancellationToken cancellationToken)
    {
        var rows = await table.ReadBucketAsync(bucket, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            owned.TryGetValue(bucket, out var previous);
            var reminders = new Dictionary<(GrainId, string), ScheduledReminder>();
            foreach (var row in rows)
            {
                // A reminder already scheduled with the same registration keeps its place (and its in-flight flag).
                if (previous is not null && previous.TryGetValue((row.GrainId, row.ReminderName), out var known) && known.Entry.ETag == row.ETag)
                {
                    reminders[(row.GrainId, row.ReminderName)] = known;
                }
                else
                {
                    reminders[(row.GrainId, row.ReminderName)] = new ScheduledReminder(row, row.NextTickAtOrAfter(now));
                }
            }

            owned[bucket] = reminders;
        }

        Wake();
    }

    private Task DropBucket(int bucket)
    {
        lock (gate)
        {
            owned.Remove(bucket);
        }

        return Task.CompletedTask;
    }

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    private async Task TickLoopAsync(CancellationToken cancellationToken)
    {
        var nextRefresh = time.GetUtcNow() + options.RefreshReminderListPeriod;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextRefresh)
                {
                    int[] buckets;
                    lock (gate)
                    {
                        buckets = [.. owned.Keys];
                    }

                    foreach (var bucket in buckets)
                    {
                        await LoadBucketAsync(bucket, cancellationToken);
                    }

                    nextRefresh = time.GetUtcNow() + options.RefreshReminderListPeriod;
                }

                var now = time.GetUtcNow().UtcDateTime;
                var nextDue = now + TimeSpan.FromSeconds(1);
                lock (gate)
                {
                    foreach (var reminder in owned.Values.SelectMany(b => b.Values))
                    {
                        if (reminder.Ticking)
                        {
                            continue;
                        }

                        if (reminder.NextTick <= now)
                        {
                            reminder.Ticking = true;
                            _ = TickAsync(reminder, now);
                        }
                        else if (reminder.NextTick < nextDue)
                        {
                            nextDue = reminder.NextTick;
                        }
                    }
                }

                var delay = nextDue - time.GetUtcNow().UtcDateTime;
                await wake.WaitAsync(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reminder refresh failed; retrying.");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task TickAsync(ScheduledReminder reminder, DateTime now)
    {
        var entry = reminder.Entry;
        try
        {
            await grains.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, now));
        }
        catch (Exception ex)
        {
            // As in Orleans, a failed tick is logged and the reminder keeps its schedule.
            logger.LogWarning(ex, "Reminder {Reminder} of grain {Grain} failed its tick at {Time}.", entry.ReminderName, entry.GrainId, now);
        }
        finally
        {
            lock (gate)
            {
                reminder.NextTick = entry.NextTickAtOrAfter(time.GetUtcNow().UtcDateTime + TimeSpan.FromTicks(1));
                reminder.Ticking = false;
            }

            Wake();
        }
    }
}
