using Maestro.GrainInterfaces.Audit;
using Maestro.Grains.Audit;
using Maestro.Tests.Shared;

namespace Maestro.Grains.Tests.Audit;

/// <summary>CSV export (RFC 4180 quoting, formula neutralising) and the text summary.</summary>
public sealed class AuditExportTests
{
    [Fact]
    public void Csv_quotes_commas_quotes_and_line_breaks_so_every_field_reads_back_unchanged()
    {
        var tricky = new AuditEntry(
            DateTimeOffset.UnixEpoch,
            "0123456789ab",
            "team, \"ops\"\r\nnight shift",
            "admin",
            "services.register",
            " padded target ",
            new Dictionary<string, string> { ["note"] = "a,b \"c\"\nd" },
            "succeeded",
            201,
            "trace");

        var csv = AuditCsvWriter.Write([new AuditRecord("1970-01-01-0000001", tricky)]);

        var rows = Rfc4180Reader.Read(csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal(AuditCsvWriter.Columns, rows[0]);
        var row = rows[1];
        Assert.Equal("team, \"ops\"\r\nnight shift", row[3]);
        Assert.Equal(" padded target ", row[6]);
        Assert.Equal("201", row[8]);
        Assert.Equal("{\"note\":\"a,b \\\"c\\\"\\nd\"}", row[10]);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    public void Fields_a_spreadsheet_would_run_as_formulas_are_neutralised(string value, string read)
    {
        var escaped = AuditCsvWriter.Escape(value);

        Assert.Equal(read, Rfc4180Reader.Read(escaped + "\r\n")[0][0]);
    }

    [Fact]
    public void The_text_summary_counts_by_outcome_action_and_actor_and_lists_denials()
    {
        var at = DateTimeOffset.UnixEpoch;
        AuditRecord Record(int i, string actor, string action, string outcome, int status) =>
            new($"1970-01-01-{i}", new AuditEntry(at.AddMinutes(i), actor, null, "none", action, "GET /api/keys", new Dictionary<string, string>(), outcome, status, "t"));

        var text = AuditTextSummary.Write(
            [Record(1, "anonymous", "auth.denied", "denied", 401), Record(2, "abc", "keys.create", "succeeded", 201), Record(3, "abc", "keys.create", "succeeded", 201)],
            new AuditFilter(Action: null),
            at);

        Assert.Contains("Records: 3", text, StringComparison.Ordinal);
        Assert.Contains("  keys.create: 2", text, StringComparison.Ordinal);
        Assert.Contains("  succeeded: 2", text, StringComparison.Ordinal);
        Assert.Contains("Denials: 1", text, StringComparison.Ordinal);
        Assert.Contains("1970-01-01T00:01:00Z 401 anonymous auth.denied GET /api/keys", text, StringComparison.Ordinal);
    }
}
