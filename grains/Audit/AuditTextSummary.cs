using System.Globalization;
using System.Text;
using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>A plain-text summary of audit records: the span, counts by outcome, action and actor, and every denial.</summary>
public static class AuditTextSummary
{
    public static string Write(IReadOnlyList<AuditRecord> records, AuditFilter filter, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(filter);
        var text = new StringBuilder();
        text.AppendLine("Maestro audit summary")
            .AppendLine(CultureInfo.InvariantCulture, $"Generated: {Format(generatedAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Filter: actor={filter.Actor ?? "*"} target={filter.Target ?? "*"} action={filter.Action ?? "*"} from={Format(filter.From)} to={Format(filter.To)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Records: {records.Count}");
        if (records.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"First: {Format(records.Min(r => r.Entry.Time))}")
                .AppendLine(CultureInfo.InvariantCulture, $"Last: {Format(records.Max(r => r.Entry.Time))}");
        }

        AppendCounts(text, "By outcome", records.GroupBy(r => r.Entry.Outcome));
        AppendCounts(text, "By action", records.GroupBy(r => r.Entry.Action));
        AppendCounts(text, "By actor", records.GroupBy(r => r.Entry.ActorName is { } name ? $"{name} ({r.Entry.Actor})" : r.Entry.Actor));
        var denials = records.Where(r => r.Entry.Outcome == "denied").ToList();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Denials: {denials.Count}");
        foreach (var denial in denials)
        {
            var e = denial.Entry;
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Format(e.Time)} {e.StatusCode} {e.Actor} {e.Action} {e.Target}");
        }

        return text.ToString();
    }

    private static void AppendCounts(StringBuilder text, string heading, IEnumerable<IGrouping<string, AuditRecord>> groups)
    {
        text.AppendLine().AppendLine(heading + ":");
        foreach (var group in groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()}");
        }
    }

    private static string Format(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "*";
}
