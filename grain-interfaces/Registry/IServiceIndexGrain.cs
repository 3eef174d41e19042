namespace Maestro.GrainInterfaces.Registry;

/// <summary>
/// The discovery index over every registered service (one grain, key <see cref="Key"/>), kept in persistent state so
/// it answers the same after a restart or a failover. Service grains push their entries; an update with a revision
/// older than the stored one is ignored, so a late or repeated update never overwrites a newer one.
/// </summary>
public interface IServiceIndexGrain : IGrainWithStringKey
{
    public const string Key = "registry";

    Task UpsertAsync(ServiceIndexEntry entry);

    Task RemoveAsync(string name, long revision);

    /// <summary>The services matching <paramref name="query"/>, ordered by name.</summary>
    Task<IReadOnlyList<ServiceIndexEntry>> QueryAsync(ServiceQuery query);
}
