namespace Maestro.GrainInterfaces.Access;

/// <summary>What an API key may do; each role includes the ones below it (viewer &lt; operator &lt; admin).</summary>
public enum ApiRole
{
    /// <summary>Reads: services, discovery, history, cluster view.</summary>
    Viewer = 1,

    /// <summary>Reads, and changes services (register, heartbeat, deregister).</summary>
    Operator = 2,

    /// <summary>Everything, including API keys and the audit log.</summary>
    Admin = 3,
}
