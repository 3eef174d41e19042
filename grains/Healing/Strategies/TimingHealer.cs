using System.Globalization;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Raises a timeout that the test's own history shows is too tight: only when there are enough observed durations and
/// their 95th percentile comes close to the limit. A test that usually finishes far below its timeout and then times
/// out is hanging, and more time would hide that.
/// </summary>
public static partial class TimingHealer
{
    /// <summary>The timeout in the message, in milliseconds (Playwright, .NET, Selenium, Jest and pytest phrasings), or null.</summary>
    public static int? TimeoutMs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = TimeoutPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        return (int)(unit.StartsWith("ms", StringComparison.Ordinal) || unit.StartsWith("milli", StringComparison.Ordinal) ? value : value * 1000);
    }

    public static StrategyResult Heal(HealingFailure failure, DurationStatistics durations, StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentNullException.ThrowIfNull(options);
        if (TimeoutMs($"{failure.ErrorMessage}\n{failure.StackTrace}") is not { } timeout)
        {
            return StrategyResult.None("The error names no timeout.");
        }

        var evidence = new List<string>
        {
            $"Timeout in the error: {timeout} ms.",
            $"Observed durations: {durations.Count} runs, p50 {durations.P50Ms:0} ms, p95 {durations.P95Ms:0} ms, max {durations.MaxMs:0} ms.",
        };
        if (durations.Count < options.TimingMinimumSamples)
        {
            return new StrategyResult(null, [], [.. evidence, $"Only {durations.Count} observed runs; {options.TimingMinimumSamples} are needed before a timeout is changed."]);
        }

        if (durations.P95Ms < timeout * options.TimingNearLimit)
        {
            return new StrategyResult(null, [], [.. evidence, $"The test's p95 ({durations.P95Ms:0} ms) is well below the {timeout} ms timeout: it is hanging, not slow; a longer timeout would hide that."]);
        }

        var proposed = (int)Math.Min(options.TimingMaximumMs, Math.Ceiling(durations.P95Ms * options.TimingHeadroom / 1000) * 1000);
        if (proposed <= timeout)
        {
            return new StrategyResult(null, [], [.. evidence, $"The most it may propose ({options.TimingMaximumMs} ms) is not above the current timeout."]);
        }

        // More history makes the percentile trustworthy: 0.60 at the minimum sample, 0.95 from 20 runs on.
        var confidence = Math.Round(0.6 + (0.35 * Math.Min(1, (durations.Count - options.TimingMinimumSamples) / (double)Math.Max(1, 20 - options.TimingMinimumSamples))), 4);
        evidence.Add($"New timeout {proposed} ms = p95 × {options.TimingHeadroom}, rounded up to a second.");
        var patch = Patch(failure, timeout, proposed);
        var fix = new HealingFix(HealingStrategy.Timing, $"Raise the timeout from {timeout} ms to {proposed} ms", confidence, evidence,
            proposed.ToString(CultureInfo.InvariantCulture), patch);
        return new StrategyResult(fix, [new HealingCandidate($"timeout {proposed} ms", confidence, [], null, null)], []);
    }

    /// <summary>The definition with the timeout's value changed on the line that names a timeout, when there is exactly one such line.</summary>
    private static string? Patch(HealingFailure failure, int timeout, int proposed)
    {
        if (failure.Definition is not { } definition)
        {
            return null;
        }

        var lines = definition.Split('\n');
        var value = timeout.ToString(CultureInfo.InvariantCulture);
        var matches = lines.Select((line, index) => (line, index))
            .Where(l => l.line.Contains("timeout", StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(l.line, $@"\b{value}\b"))
            .ToList();
        if (matches.Count != 1)
        {
            return null;
        }

        var (text, at) = matches[0];
        lines[at] = Regex.Replace(text, $@"\b{value}\b", proposed.ToString(CultureInfo.InvariantCulture));
        return UnifiedDiff.Create($"{failure.TestId}.yaml", definition, string.Join('\n', lines));
    }

    [GeneratedRegex(@"(?:timeout|timed out after)(?:\s+of)?\s*>?\s*(?<value>\d+(?:\.\d+)?)\s*(?<unit>ms|milliseconds|seconds|sec|s)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TimeoutPattern();
}
