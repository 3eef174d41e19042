using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>The persistent state of a <see cref="ServiceGrain"/>. Kept after deregistration so the revision keeps growing.</summary>
public sealed class ServiceState
{
    public bool Registered { get; set; }

    public ServiceRegistration? Registration { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset LastHeartbeat { get; set; }

    public ProbeResult? LastProbe { get; set; }

    public ServiceStatus Status { get; set; }

    public DateTimeOffset StatusChangedAt { get; set; }

    public long Revision { get; set; }

    public List<StatusChange> History { get; set; } = [];
}
