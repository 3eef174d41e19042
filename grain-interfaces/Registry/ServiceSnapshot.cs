namespace Maestro.GrainInterfaces.Registry;

/// <summary>A registered service as its grain knows it.</summary>
/// <param name="Registration">What the service declared.</param>
/// <param name="Status">Its current status.</param>
/// <param name="RegisteredAt">First registration (kept across re-registrations).</param>
/// <param name="LastHeartbeat">The last heartbeat (registration counts as one).</param>
/// <param name="ExpiresAt">When it expires unless another heartbeat arrives.</param>
/// <param name="StatusChangedAt">When <paramref name="Status"/> was entered.</param>
/// <param name="LastProbe">The last active probe, if any.</param>
/// <param name="Revision">Grows with every change the service index must know about.</param>
public sealed record ServiceSnapshot(
    ServiceRegistration Registration,
    ServiceStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset ExpiresAt,
    DateTimeOffset StatusChangedAt,
    ProbeResult? LastProbe,
    long Revision);
