namespace Maestro.GrainInterfaces.Audit;

/// <summary>An entry of the audit log with its id: <c>&lt;yyyy-MM-dd&gt;-&lt;sequence&gt;</c>, in append order within the day.</summary>
public sealed record AuditRecord(string Id, AuditEntry Entry);
