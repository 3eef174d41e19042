namespace Maestro.Grains.Healing;

/// <summary>A suite's learned trust per score term, and how many reviews taught it.</summary>
public sealed class HealingTrustState
{
    public Dictionary<string, double> Trust { get; set; } = new(StringComparer.Ordinal);

    public int Approvals { get; set; }

    public int Rejections { get; set; }
}
