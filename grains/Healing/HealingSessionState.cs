using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>A healing session as stored: the snapshot and the two screenshots.</summary>
public sealed class HealingSessionState
{
    public HealingSessionSnapshot? Session { get; set; }

    public byte[]? ScreenshotBefore { get; set; }

    public byte[]? ScreenshotAfter { get; set; }
}
