namespace Maestro.Grains.AutoRepair;

/// <summary>A monitor's runs as the project's state keeps them.</summary>
public sealed class MonitorProgress
{
    public long Runs { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public int LastFindings { get; set; }

    public string? LastError { get; set; }

    /// <summary>The fingerprints its last successful run found; a validation run that finds others has broken something.</summary>
    public List<string> LastFingerprints { get; set; } = [];
}
