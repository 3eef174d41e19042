using System.Collections.Concurrent;

namespace Maestro.Runtime.Cluster;

/// <summary>
/// A silo's bounded map from grain to directory entry. Reads stamp the entry with the time of use; when an add takes
/// the cache past its capacity, one caller trims it to 90% by dropping the least recently used entries, so trimming
/// happens once per tenth of the capacity of adds, not per add. A forgotten entry costs one directory lookup.
/// </summary>
internal sealed class GrainLocationCache(int capacity, Func<long>? clock = null)
{
    private readonly ConcurrentDictionary<GrainId, Entry> entries = new();
    private readonly Func<long> clock = clock ?? (static () => Environment.TickCount64);
    private int trimming;

    public int Count => entries.Count;

    public bool TryGet(GrainId grainId, out GrainAddress address)
    {
        if (entries.TryGetValue(grainId, out var entry))
        {
            entry.LastUsed = clock();
            address = entry.Address;
            return true;
        }

        address = null!;
        return false;
    }

    public void Set(GrainAddress address)
    {
        entries[address.GrainId] = new Entry(address, clock());
        if (entries.Count > capacity)
        {
            Trim();
        }
    }

    /// <summary>Removes <paramref name="grainId"/>'s entry only while it is still <paramref name="address"/>.</summary>
    public void Remove(GrainId grainId, GrainAddress address)
    {
        if (entries.TryGetValue(grainId, out var entry) && entry.Address.Equals(address))
        {
            entries.TryRemove(new KeyValuePair<GrainId, Entry>(grainId, entry));
        }
    }

    /// <summary>Drops every entry whose address matches <paramref name="predicate"/> (e.g. on a dead silo).</summary>
    public void RemoveWhere(Func<GrainAddress, bool> predicate)
    {
        foreach (var (grain, entry) in entries)
        {
            if (predicate(entry.Address))
            {
                entries.TryRemove(new KeyValuePair<GrainId, Entry>(grain, entry));
            }
        }
    }

    private void Trim()
    {
        if (Interlocked.Exchange(ref trimming, 1) != 0)
        {
            return;
        }

        try
        {
            var excess = entries.Count - (capacity - (capacity / 10));
            if (excess <= 0)
            {
                return;
            }

            foreach (var (grain, entry) in entries.OrderBy(e => e.Value.LastUsed).Take(excess).ToList())
            {
                entries.TryRemove(new KeyValuePair<GrainId, Entry>(grain, entry));
            }
        }
        finally
        {
            Volatile.Write(ref trimming, 0);
        }
    }

    private sealed class Entry(GrainAddress address, long created)
    {
        private long lastUsed = created;

        public GrainAddress Address { get; } = address;

        public long LastUsed
        {
            get => Volatile.Read(ref lastUsed);
            set => Volatile.Write(ref lastUsed, value);
        }
    }
}
