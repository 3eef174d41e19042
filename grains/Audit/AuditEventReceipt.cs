namespace Maestro.Grains.Audit;

/// <summary>An audit event a day grain appended: its event id and the id of the record it became.</summary>
public sealed record AuditEventReceipt(string EventId, string RecordId);
