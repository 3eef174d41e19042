using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair;

/// <summary>The list of watched projects, persisted so it survives a restart.</summary>
public sealed class AutomationIndexGrain([PersistentState("automation-index")] IPersistentState<SortedDictionary<string, bool>> state) : Grain, IAutomationIndexGrain
{
    public async Task Record(string projectId, bool isRunning)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        if (state.State.TryGetValue(projectId, out var current) && current == isRunning)
        {
            return;
        }

        state.State[projectId] = isRunning;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, bool>> List() =>
        Task.FromResult<IReadOnlyDictionary<string, bool>>(new SortedDictionary<string, bool>(state.State, StringComparer.Ordinal));
}
