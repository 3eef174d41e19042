namespace Maestro.GrainInterfaces.Audit;

/// <summary>
/// An audit entry on its way to the log through the <c>maestro.audit</c> stream. <paramref name="EventId"/> is given
/// once by the publisher; the day grain appends an event id at most once, so a redelivered event is not duplicated.
/// </summary>
/// <param name="EventId">Unique per audited action (32 hex digits).</param>
/// <param name="Entry">The entry to append.</param>
/// <param name="SchemaVersion">The event contract's version (1).</param>
public sealed record AuditEvent(string EventId, AuditEntry Entry, int SchemaVersion = 1)
{
    /// <summary>The stream key and day grain key of <paramref name="entry"/>: its UTC day, <c>yyyy-MM-dd</c>.</summary>
    public static string DayOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Time.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
