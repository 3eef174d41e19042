namespace Maestro.GrainInterfaces.Registry;

/// <summary>What happened to a registered service.</summary>
public enum ServiceEventKind
{
    Registered,
    StatusChanged,
    Deregistered,

    /// <summary>Removed by the registry after staying expired for too long.</summary>
    Removed,
}
