using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>The persistent state of the <see cref="ServiceIndexGrain"/>.</summary>
public sealed class ServiceIndexState
{
    public Dictionary<string, ServiceIndexEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The revision at which each removed service was removed, so a late update cannot bring it back.</summary>
    public Dictionary<string, long> Removed { get; set; } = new(StringComparer.Ordinal);
}
