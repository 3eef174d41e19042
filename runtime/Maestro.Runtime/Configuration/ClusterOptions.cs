namespace Maestro.Runtime.Configuration;

/// <summary>Which cluster and which service a silo belongs to.</summary>
public sealed class ClusterOptions
{
    /// <summary>Silos with the same cluster id form one cluster. Default <c>"dev"</c>.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>
    /// Names the application across deployments: it is part of every storage key, so keep it stable across upgrades.
    /// Default <c>"dev"</c>.
    /// </summary>
    public string ServiceId { get; set; } = "dev";
}
