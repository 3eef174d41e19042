using System.Globalization;

namespace Maestro.Grains.Workflows;

/// <summary>Durations as written in definitions: a number and a unit, <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var units = new (string Suffix, double Milliseconds)[] { ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000) };
        foreach (var (suffix, ms) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value >= 0 && value * ms <= TimeSpan.MaxValue.TotalMilliseconds / 2)
            {
                duration = TimeSpan.FromMilliseconds(value * ms);
                return true;
            }
        }

        return false;
    }
}
