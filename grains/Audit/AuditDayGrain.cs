using System.Globalization;
using Maestro.GrainInterfaces.Audit;
using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Audit;

/// <summary>
/// One day of the audit log. Appends go to the open list (written before the append returns); a full open list is
/// sealed into chunk grain <c>day#n</c>, then the day's state moves on. If a crash falls between the two writes the
/// next append seals the same chunk again with the same records plus the new one, so nothing is lost or duplicated.
/// It is implicitly subscribed to its day's <c>maestro.audit</c> stream: each delivered <see cref="AuditEvent"/> is
/// appended once by its event id, however often the stream delivers it (at least once).
/// </summary>
[ImplicitStreamSubscription(MaestroStreams.Audit)]
public sealed class AuditDayGrain(
    [PersistentState("day")] IPersistentState<AuditDayState> state,
    IOptions<AuditOptions> options) : Grain, IAuditDayGrain, IStreamSubscriptionObserver
{
    public const string DayFormat = "yyyy-MM-dd";

    /// <summary>
    /// Event ids remembered per day. A stream redelivers only what follows its last checkpoint, at most one read batch
    /// (<c>MaxBatchSize</c>, 256 by default) of a queue; the direct append of the same event comes moments earlier. Four
    /// batches is a wide margin.
    /// </summary>
    public const int RecentEventLimit = 1024;

    private string Day => this.GetPrimaryKeyString();

    public static string ChunkKey(string day, int chunk) => $"{day}#{chunk.ToString(CultureInfo.InvariantCulture)}";

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<AuditEvent>().ResumeAsync((auditEvent, _) => AppendEventAsync(auditEvent));
    }

    public async Task<AuditRecord> AppendEventAsync(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (AuditEvent.DayOf(auditEvent.Entry) != Day)
        {
            throw new ArgumentException($"The audit event {auditEvent.EventId} is of {AuditEvent.DayOf(auditEvent.Entry)}, not of {Day}.", nameof(auditEvent));
        }

        if (state.State.RecentEvents.Find(r => r.EventId == auditEvent.EventId) is { } receipt)
        {
            return state.State.Open.Find(r => r.Id == receipt.RecordId) ?? new AuditRecord(receipt.RecordId, auditEvent.Entry);
        }

        return await AppendAsync(auditEvent.Entry, auditEvent.EventId);
    }

    public Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AppendAsync(entry, eventId: null);
    }

    private async Task<AuditRecord> AppendAsync(AuditEntry entry, string? eventId)
    {
        if (!state.State.InCatalog)
        {
            await GrainFactory.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key)
                .AddDayAsync(DateOnly.ParseExact(Day, DayFormat, CultureInfo.InvariantCulture));
            state.State.InCatalog = true;
        }

        var record = new AuditRecord($"{Day}-{state.State.NextSequence.ToString("D7", CultureInfo.InvariantCulture)}", entry);
        state.State.NextSequence++;
        state.State.Open.Add(record);
        if (eventId is not null)
        {
            state.State.RecentEvents.Add(new AuditEventReceipt(eventId, record.Id));
            if (state.State.RecentEvents.Count > RecentEventLimit)
            {
                state.State.RecentEvents.RemoveRange(0, state.State.RecentEvents.Count - RecentEventLimit);
            }
        }

        await state.WriteStateAsync();
        if (state.State.Open.Count >= options.Value.ChunkSize)
        {
            await GrainFactory.GetGrain<IAuditChunkGrain>(ChunkKey(Day, state.State.SealedChunks)).SealAsync(state.State.Open);
            state.State.SealedChunks++;
            state.State.Open = [];
            await state.WriteStateAsync();
        }

        return record;
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matches = new List<AuditRecord>();
        for (var chunk = 0; chunk < state.State.SealedChunks; chunk++)
        {
            var records = await GrainFactory.GetGrain<IAuditChunkGrain>(ChunkKey(Day, chunk)).GetAsync();
            matches.AddRange(records.Where(r => filter.Matches(r.Entry)));
        }

        matches.AddRange(state.State.Open.Where(r => filter.Matches(r.Entry)));
        return matches;
    }

    public async Task<int> PurgeAsync()
    {
        var count = (int)(state.State.NextSequence - 1);
        for (var chunk = 0; chunk < state.State.SealedChunks; chunk++)
        {
            await GrainFactory.GetGrain<IAuditChunkGrain>(ChunkKey(Day, chunk)).ClearAsync();
        }

        await state.ClearStateAsync();
        await GrainFactory.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key)
            .RemoveDayAsync(DateOnly.ParseExact(Day, DayFormat, CultureInfo.InvariantCulture));
        return count;
    }
}
