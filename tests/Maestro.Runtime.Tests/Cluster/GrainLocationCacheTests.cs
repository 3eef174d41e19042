using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>The silo's directory cache stays within its capacity and forgets the least recently used locations first.</summary>
public sealed class GrainLocationCacheTests
{
    private static readonly SiloAddress SiloA = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress SiloB = new("10.0.0.2", 11111, 1);

    [Fact]
    public void Past_its_capacity_the_cache_trims_to_ninety_percent_dropping_the_least_recently_used()
    {
        long now = 0;
        var cache = new GrainLocationCache(capacity: 10, clock: () => ++now);
        var addresses = Enumerable.Range(0, 10).Select(i => Address($"g{i}", SiloA)).ToList();
        addresses.ForEach(cache.Set);

        // g0..g4 are used again, so g5 and g6 are now the least recently used.
        foreach (var address in addresses.Take(5))
        {
            Assert.True(cache.TryGet(address.GrainId, out _));
        }

        cache.Set(Address("g10", SiloA));

        Assert.Equal(9, cache.Count);
        Assert.False(cache.TryGet(addresses[5].GrainId, out _));
        Assert.False(cache.TryGet(addresses[6].GrainId, out _));
        Assert.All(addresses.Take(5).Concat(addresses.Skip(7)), a => Assert.True(cache.TryGet(a.GrainId, out _), $"{a.GrainId} was dropped."));
        Assert.True(cache.TryGet(GrainId.Create("cached", "g10"), out _));
    }

    [Fact]
    public void A_million_adds_never_hold_more_than_the_capacity()
    {
        var cache = new GrainLocationCache(capacity: 1000);
        for (var i = 0; i < 1_000_000; i++)
        {
            cache.Set(Address($"g{i}", SiloA));
            Assert.True(cache.Count <= 1000, $"The cache holds {cache.Count} entries after {i + 1} adds.");
        }
    }

    [Fact]
    public void Remove_takes_out_only_the_entry_it_was_given_and_RemoveWhere_drops_a_dead_silos_entries()
    {
        var cache = new GrainLocationCache(capacity: 100);
        var old = Address("moved", SiloA);
        var current = Address("moved", SiloB);
        cache.Set(current);

        cache.Remove(old.GrainId, old);
        Assert.True(cache.TryGet(current.GrainId, out var kept));
        Assert.Equal(current, kept);

        cache.Set(Address("on-a", SiloA));
        cache.RemoveWhere(a => a.SiloAddress == SiloB);
        Assert.False(cache.TryGet(current.GrainId, out _));
        Assert.True(cache.TryGet(GrainId.Create("cached", "on-a"), out _));
    }

    private static GrainAddress Address(string key, SiloAddress silo) => new(GrainId.Create("cached", key), silo, Guid.NewGuid(), 1);
}
