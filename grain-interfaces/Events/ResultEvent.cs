namespace Maestro.GrainInterfaces.Events;

/// <summary>
/// An outcome for whoever follows a project (namespace <see cref="MaestroStreams.Results"/>, key = project id):
/// a status_update carries <see cref="Status"/> ("started", "stopped"); a repair_result carries <see cref="Result"/> as JSON text.
/// </summary>
public sealed record ResultEvent(string Type, string OrchestratorId, string? Status, string? Result, DateTimeOffset Timestamp, int SchemaVersion = 1);
