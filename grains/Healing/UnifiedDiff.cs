using System.Globalization;
using System.Text;

namespace Maestro.Grains.Healing;

/// <summary>A unified diff of one text against its changed version: one hunk around the changed lines, three lines of context.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff, or null when the texts are the same.</summary>
    public static string? Create(string fileName, string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        if (head == a.Length && head == b.Length)
        {
            return null;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }

        var start = Math.Max(0, head - Context);
        var endA = Math.Min(a.Length, a.Length - tail + Context);
        var endB = Math.Min(b.Length, b.Length - tail + Context);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"--- a/{fileName}\n+++ b/{fileName}\n")
            .Append(CultureInfo.InvariantCulture, $"@@ -{Range(start, endA - start)} +{Range(start, endB - start)} @@\n");
        for (var i = start; i < head; i++)
        {
            text.Append(' ').Append(a[i]).Append('\n');
        }

        for (var i = head; i < a.Length - tail; i++)
        {
            text.Append('-').Append(a[i]).Append('\n');
        }

        for (var i = head; i < b.Length - tail; i++)
        {
            text.Append('+').Append(b[i]).Append('\n');
        }

        for (var i = a.Length - tail; i < endA; i++)
        {
            text.Append(' ').Append(a[i]).Append('\n');
        }

        return text.ToString();
    }

    private static string Range(int start, int count) =>
        count == 0 ? string.Create(CultureInfo.InvariantCulture, $"{start},0") : string.Create(CultureInfo.InvariantCulture, $"{start + 1},{count}");

    private static string[] Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
