using System.Globalization;
using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>
/// One day of the audit log. Appends go to the open list (written before the append returns); a full open list is
/// sealed into chunk grain <c>day#n</c>, then the day's state moves on. If a crash falls between the two writes the
/// next append seals the same chunk again with the same records plus the new one, so nothing is lost or duplicated.
/// </summary>
public sealed class AuditDayGrain(
    [PersistentState("day")] IPersistentState<AuditDayState> state,
    IOptions<AuditOptions> options) : Grain, IAuditDayGrain
{
    public const string DayFormat = "yyyy-MM-dd";

    private string Day => this.GetPrimaryKeyString();

    public static string ChunkKey(string day, int chunk) => $"{day}#{chunk.ToString(CultureInfo.InvariantCulture)}";

    public async Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!state.State.InCatalog)
        {
            await GrainFactory.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key)
                .AddDayAsync(DateOnly.ParseExact(Day, DayFormat, CultureInfo.InvariantCulture));
            state.State.InCatalog = true;
        }

        var record = new AuditRecord($"{Day}-{state.State.NextSequence.ToString("D7", CultureInfo.InvariantCulture)}", entry);
        state.State.NextSequence++;
        state.State.Open.Add(record);
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
