namespace Maestro.GrainInterfaces.Events;

/// <summary>The outcome of validating a repair by re-running tests (namespace <see cref="MaestroStreams.Validation"/>, key = project id).</summary>
public sealed record ValidationCompletedEvent(string RepairId, bool Passed, string? Details, DateTimeOffset Timestamp, int SchemaVersion = 1);
