using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>A suite's session lines, oldest first.</summary>
public sealed class HealingSessionIndexState
{
    public List<HealingSessionSummary> Sessions { get; set; } = [];
}
