using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>A sealed chunk of a day's audit records.</summary>
public sealed class AuditChunkGrain([PersistentState("chunk")] IPersistentState<AuditChunkState> state) : Grain, IAuditChunkGrain
{
    public async Task SealAsync(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        state.State.Records = [.. records];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditRecord>> GetAsync() => Task.FromResult<IReadOnlyList<AuditRecord>>(state.State.Records.ToList());

    public async Task ClearAsync()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
