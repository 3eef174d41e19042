namespace Maestro.GrainInterfaces.Events;

/// <summary>
/// A job for a project's automation worker (namespace <see cref="MaestroStreams.AutomationJobs"/>, key = project id).
/// <see cref="Type"/> is one of <see cref="AutomationJobTypes"/>: start_monitoring needs <see cref="Config"/> and
/// <see cref="ProjectPath"/>; heal_test_failure needs <see cref="TestId"/> and <see cref="FailureMessage"/>.
/// </summary>
public sealed record AutomationJobEvent(
    string Type,
    string? ProjectPath,
    MonitoringConfig? Config,
    string? TestId,
    string? FailureMessage,
    DateTimeOffset Timestamp,
    int SchemaVersion = 1);
