using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>The days that hold audit records, kept sorted.</summary>
public sealed class AuditCatalogGrain([PersistentState("catalog")] IPersistentState<AuditCatalogState> state) : Grain, IAuditCatalogGrain
{
    public async Task AddDayAsync(DateOnly day)
    {
        var days = state.State.Days;
        var index = days.BinarySearch(day);
        if (index >= 0)
        {
            return;
        }

        days.Insert(~index, day);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<DateOnly>> ListDaysAsync(DateOnly? from, DateOnly? to) =>
        Task.FromResult<IReadOnlyList<DateOnly>>(state.State.Days.Where(d => (from is null || d >= from) && (to is null || d <= to)).ToList());

    public async Task RemoveDayAsync(DateOnly day)
    {
        if (state.State.Days.Remove(day))
        {
            await state.WriteStateAsync();
        }
    }
}
