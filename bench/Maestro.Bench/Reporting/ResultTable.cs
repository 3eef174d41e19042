using Maestro.Bench.Harness;

namespace Maestro.Bench.Reporting;

/// <summary>Prints the comparisons as an aligned plain-text table (no colours, so it pastes into issues and READMEs).</summary>
internal static class ResultTable
{
    private static readonly string[] Headers =
    [
        "figure", "callers", "ops/s", "p50 us", "p99 us", "raw baseline", "ops/s", "p50 us", "p99 us", "ratio", "target", "verdict",
    ];

    // Numbers align right, names left.
    private static readonly bool[] RightAligned = [false, true, true, true, true, false, true, true, true, true, true, false];

    public static void Write(TextWriter output, IReadOnlyList<Comparison> comparisons)
    {
        var rows = comparisons.Select(Row).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(Headers, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string[] Row(Comparison c) =>
    [
        c.Figure,
        Number(c.Subject.Callers),
        Number(c.Subject.OpsPerSecond),
        Micro(c.Subject.P50Microseconds),
        Micro(c.Subject.P99Microseconds),
        c.Baseline.Name,
        Number(c.Baseline.OpsPerSecond),
        Micro(c.Baseline.P50Microseconds),
        Micro(c.Baseline.P99Microseconds),
        Percent(c.Ratio),
        ">= " + Percent(c.Target),
        c.Verdict,
    ];

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => RightAligned[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Micro(double value) => value.ToString(value < 100 ? "F1" : "N0", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";
}
