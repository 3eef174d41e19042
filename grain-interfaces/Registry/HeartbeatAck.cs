namespace Maestro.GrainInterfaces.Registry;

/// <summary>The answer to a heartbeat.</summary>
/// <param name="Status">The service's status after the heartbeat.</param>
/// <param name="NextHeartbeatDue">Send the next heartbeat by then (now + the heartbeat interval).</param>
/// <param name="ExpiresAt">Without another heartbeat the service expires then (now + the heartbeat timeout).</param>
public sealed record HeartbeatAck(ServiceStatus Status, DateTimeOffset NextHeartbeatDue, DateTimeOffset ExpiresAt);
