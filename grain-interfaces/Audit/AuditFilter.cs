namespace Maestro.GrainInterfaces.Audit;

/// <summary>Which audit records a query wants; every criterion given must hold. Text criteria are exact, case-insensitive.</summary>
/// <param name="Actor">The key id or the key name.</param>
/// <param name="Target">The target.</param>
/// <param name="Action">The action.</param>
/// <param name="From">At or after (inclusive).</param>
/// <param name="To">Before (exclusive).</param>
public sealed record AuditFilter(
    string? Actor = null,
    string? Target = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Actor is null || string.Equals(entry.Actor, Actor, StringComparison.OrdinalIgnoreCase)
                || string.Equals(entry.ActorName, Actor, StringComparison.OrdinalIgnoreCase))
            && (Target is null || string.Equals(entry.Target, Target, StringComparison.OrdinalIgnoreCase))
            && (Action is null || string.Equals(entry.Action, Action, StringComparison.OrdinalIgnoreCase))
            && (From is null || entry.Time >= From)
            && (To is null || entry.Time < To);
    }
}
