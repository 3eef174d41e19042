using System.Globalization;
using System.Text;
using System.Text.Json;
using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>
/// Writes audit records as CSV (RFC 4180): a header row, CRLF line ends, and every field that holds a comma, a quote,
/// a line break or surrounding spaces put in quotes with its quotes doubled. A field that a spreadsheet would run
/// as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe (OWASP's CSV-injection advice), since
/// the log holds text that callers chose. Parameters are one JSON object per row.
/// </summary>
public static class AuditCsvWriter
{
    // Quotes stay quotes (CSV escapes them), instead of the default \u0022; a CSV file is no HTML page.
    private static readonly JsonSerializerOptions ParameterJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly IReadOnlyList<string> Columns =
        ["id", "time", "actor", "actorName", "role", "action", "target", "outcome", "statusCode", "traceId", "parameters"];

    public static string Write(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var record in records)
        {
            var e = record.Entry;
            AppendRow(csv,
            [
                record.Id,
                e.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                e.Actor,
                e.ActorName ?? string.Empty,
                e.Role,
                e.Action,
                e.Target,
                e.Outcome,
                e.StatusCode.ToString(CultureInfo.InvariantCulture),
                e.TraceId,
                JsonSerializer.Serialize(e.Parameters, ParameterJson),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One field, quoted and neutralised as needed.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
    }
}
