using System.Globalization;
using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>The audit log on grains: one day grain per UTC day, found through the catalog; retention applied on read too.</summary>
public sealed class GrainAuditLog(IGrainFactory grains, IOptions<AuditOptions> options, TimeProvider timeProvider) : IAuditLog
{
    public Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var day = entry.Time.UtcDateTime.ToString(AuditDayGrain.DayFormat, CultureInfo.InvariantCulture);
        return grains.GetGrain<IAuditDayGrain>(day).AppendAsync(entry);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var cutoff = RetentionCutoff(timeProvider.GetUtcNow(), options.Value.RetentionDays);
        var from = filter.From is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : (DateOnly?)null;
        if (from is null || from < cutoff)
        {
            from = cutoff;
        }

        var to = filter.To is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : (DateOnly?)null;
        var days = await grains.GetGrain<IAuditCatalogGrain>(IAuditCatalogGrain.Key).ListDaysAsync(from, to);
        var records = new List<AuditRecord>();
        foreach (var day in days)
        {
            var key = day.ToString(AuditDayGrain.DayFormat, CultureInfo.InvariantCulture);
            records.AddRange(await grains.GetGrain<IAuditDayGrain>(key).QueryAsync(filter));
        }

        return records;
    }

    /// <summary>The first day kept: today (UTC) minus <paramref name="retentionDays"/> − 1, so "1" keeps only today.</summary>
    public static DateOnly RetentionCutoff(DateTimeOffset now, int retentionDays) =>
        DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - retentionDays);
}
