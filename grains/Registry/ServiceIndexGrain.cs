using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>
/// The discovery index. Its state is the persisted set of entries, so after a restart or a failover the next
/// activation (on any silo) answers from storage at once; the registry supervisor then has every service grain
/// re-push its entry, which repairs an entry whose update was lost in a crash.
/// </summary>
public sealed class ServiceIndexGrain([PersistentState("index")] IPersistentState<ServiceIndexState> state) : Grain, IServiceIndexGrain
{
    public async Task UpsertAsync(ServiceIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        if ((entries.TryGetValue(entry.Name, out var existing) && existing.Revision >= entry.Revision)
            || (state.State.Removed.TryGetValue(entry.Name, out var removedAt) && removedAt >= entry.Revision))
        {
            return;
        }

        entries[entry.Name] = entry;
        state.State.Removed.Remove(entry.Name);
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string name, long revision)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (state.State.Entries.TryGetValue(name, out var existing) && existing.Revision > revision)
        {
            return;
        }

        var changed = state.State.Entries.Remove(name);
        if (!state.State.Removed.TryGetValue(name, out var removedAt) || removedAt < revision)
        {
            state.State.Removed[name] = revision;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<ServiceIndexEntry>> QueryAsync(ServiceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<ServiceIndexEntry> matches = state.State.Entries.Values;
        if (query.Name is { } name)
        {
            matches = matches.Where(e => string.Equals(e.Name, name, StringComparison.Ordinal));
        }

        if (query.Tags is { Count: > 0 } tags)
        {
            matches = matches.Where(e => tags.All(t => e.Tags.Contains(t, StringComparer.Ordinal)));
        }

        if (query.Status is { } status)
        {
            matches = matches.Where(e => e.Status == status);
        }

        return Task.FromResult<IReadOnlyList<ServiceIndexEntry>>(matches.OrderBy(e => e.Name, StringComparer.Ordinal).ToList());
    }
}
