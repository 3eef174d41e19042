namespace Maestro.GrainInterfaces.Events;

/// <summary>A failed test to heal (namespace <see cref="MaestroStreams.Healing"/>, key = project id).</summary>
public sealed record HealingRequestedEvent(string TestId, string FailureMessage, DateTimeOffset Timestamp, int SchemaVersion = 1);
