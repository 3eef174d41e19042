namespace Maestro.Dashboard;

/// <summary>The last <see cref="DashboardOptions.LogBufferSize"/> log entries of this process (a silo or the gateway), oldest dropped first.</summary>
public sealed class DashboardLogBuffer(IOptions<DashboardOptions> options, TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private readonly Queue<DashboardLogEntry> entries = new();
    private long sequence;

    public void Add(LogLevel level, string category, string message)
    {
        lock (gate)
        {
            if (entries.Count >= options.Value.LogBufferSize)
            {
                entries.Dequeue();
            }

            entries.Enqueue(new DashboardLogEntry(++sequence, timeProvider.GetUtcNow(), level.ToString(), category, message));
        }
    }

    /// <summary>
    /// Entries after <paramref name="after"/> whose category, level or message contains <paramref name="filter"/>
    /// (ignoring case; every entry when empty), oldest first, at most the newest <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<DashboardLogEntry> Read(long after, string? filter, int limit)
    {
        DashboardLogEntry[] snapshot;
        lock (gate)
        {
            snapshot = [.. entries];
        }

        var matching = snapshot.Where(e => e.Sequence > after && Matches(e, filter)).ToList();
        return matching.Count <= limit ? matching : matching[^limit..];
    }

    private static bool Matches(DashboardLogEntry entry, string? filter) =>
        string.IsNullOrWhiteSpace(filter)
        || entry.Message.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || entry.Category.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || entry.Level.Contains(filter, StringComparison.OrdinalIgnoreCase);
}
