using System.Text.Json;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>One locator's reference from its last green run (key: <see cref="LocatorReferenceKey"/>).</summary>
public sealed class LocatorReferenceGrain([PersistentState("locator-reference")] IPersistentState<LocatorReferenceState> state) : Grain, ILocatorReferenceGrain
{
    /// <summary>Rejected replacements kept per locator; the oldest go first.</summary>
    public const int MaxBlocked = 50;

    public async Task SaveAsync(LocatorReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        // Every green step reports its element; only a changed element costs a write.
        if (state.State.Reference is { } current && current.Url == reference.Url && Same(current.Element, reference.Element))
        {
            return;
        }

        state.State.Reference = reference;
        await state.WriteStateAsync();
    }

    public Task<LocatorReference?> GetAsync() => Task.FromResult(state.State.Reference);

    public async Task BlockAsync(string locator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locator);
        if (state.State.Blocked.Contains(locator, StringComparer.Ordinal))
        {
            return;
        }

        state.State.Blocked.Add(locator);
        if (state.State.Blocked.Count > MaxBlocked)
        {
            state.State.Blocked.RemoveAt(0);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetBlockedAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Blocked]);

    /// <summary>Records hold lists and dictionaries, which compare by reference; their JSON compares by content.</summary>
    private static bool Same(ElementDescriptor a, ElementDescriptor b) =>
        string.Equals(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b), StringComparison.Ordinal);
}
