namespace Maestro.Runtime.Reminders;

/// <summary>
/// Reads the reminder table a page at a time for the dashboard: the database does the paging, so a page costs the
/// same with ten reminders or ten million (the Orleans dashboard loads the whole table for each page, Orleans #51).
/// Registered whenever a reminder service is.
/// </summary>
public sealed class ReminderListing
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxLimit = 500;

    private readonly ReminderTable table;
    private readonly TimeProvider timeProvider;

    internal ReminderListing(ReminderTable table, TimeProvider timeProvider)
    {
        this.table = table;
        this.timeProvider = timeProvider;
    }

    /// <summary>Reminders <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/>, ordered by grain and name.</summary>
    public async Task<ReminderPage> ReadPageAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var total = await table.CountAsync(cancellationToken);
        var rows = await table.ReadPageAsync(offset, limit, cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return new ReminderPage(
            total,
            offset,
            limit,
            [.. rows.Select(r => new ReminderRow(r.GrainId.ToString(), r.ReminderName, r.StartAt, r.Period, r.NextTickAtOrAfter(now)))]);
    }
}
