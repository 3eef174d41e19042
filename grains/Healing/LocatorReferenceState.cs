using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>A locator's reference element and the replacements people rejected.</summary>
public sealed class LocatorReferenceState
{
    public LocatorReference? Reference { get; set; }

    public List<string> Blocked { get; set; } = [];
}
