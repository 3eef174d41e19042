using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Replaces an expected value that the application changed on purpose, only on strong evidence: the same expected
/// value failing against the same new value in several consecutive runs. Never applied without a person's review
/// (confidence capped below the apply threshold): changing what a test expects can hide a regression.
/// </summary>
public static partial class AssertionUpdateHealer
{
    /// <summary>Highest confidence it gives, below the default apply threshold, so a person always reviews it.</summary>
    public const double MaximumConfidence = 0.89;

    /// <summary>Expected and actual from xUnit, NUnit, Jest, Playwright and pytest messages, or null.</summary>
    public static AssertionValues? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (ExpectedActual().Match(text) is { Success: true } m)
        {
            return new AssertionValues(Unquote(m.Groups["expected"].Value), Unquote(m.Groups["actual"].Value));
        }

        return PytestAssert().Match(text) is { Success: true } p
            ? new AssertionValues(Unquote(p.Groups["expected"].Value), Unquote(p.Groups["actual"].Value))
            : null;
    }

    /// <param name="failure">This run's failure.</param>
    /// <param name="earlierRuns">The test's earlier runs, newest first: the failure message of each, or null when it passed.</param>
    /// <param name="options">How many consecutive runs are needed.</param>
    public static StrategyResult Heal(HealingFailure failure, IReadOnlyList<string?> earlierRuns, StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(earlierRuns);
        ArgumentNullException.ThrowIfNull(options);
        if (Parse($"{failure.ErrorMessage}\n{failure.StackTrace}") is not { } current)
        {
            return StrategyResult.None("The error shows no expected and actual values.");
        }

        var consecutive = 1 + earlierRuns.TakeWhile(message => Parse(message) == current).Count();
        var evidence = new List<string>
        {
            $"Expected '{current.Expected}', observed '{current.Actual}'.",
            $"{consecutive} consecutive run(s), this one included, failed with the same two values; {options.AssertionConsecutiveRuns} are needed.",
        };
        if (consecutive < options.AssertionConsecutiveRuns)
        {
            return new StrategyResult(null, [], [.. evidence, "Not enough evidence that the new value is intended: nothing proposed."]);
        }

        var confidence = Math.Min(MaximumConfidence, 0.75 + (0.03 * (consecutive - options.AssertionConsecutiveRuns)));
        var patch = failure.Definition is { } definition ? Patch(failure.TestId, definition, current) : null;
        var fix = new HealingFix(HealingStrategy.AssertionUpdate, $"Expect '{current.Actual}' instead of '{current.Expected}'", confidence, evidence, current.Actual, patch);
        return new StrategyResult(fix, [new HealingCandidate($"expected value '{current.Actual}'", confidence, [], null, null)], []);
    }

    private static string? Patch(string testId, string definition, AssertionValues values)
    {
        var lines = definition.Split('\n');
        var at = lines.Select((line, index) => (line, index)).Where(l => l.line.Contains(values.Expected, StringComparison.Ordinal)).ToList();
        if (at.Count != 1)
        {
            return null;
        }

        lines[at[0].index] = at[0].line.Replace(values.Expected, values.Actual, StringComparison.Ordinal);
        return UnifiedDiff.Create($"{testId}.yaml", definition, string.Join('\n', lines));
    }

    private static string Unquote(string value)
    {
        value = value.Trim();
        return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
    }

    [GeneratedRegex(@"Expected(?: string| value)?:\s*(?<expected>[^\r\n]+?)\s*\r?\n\s*(?:Actual|But was|Received(?: string| value)?):\s*(?<actual>[^\r\n]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExpectedActual();

    [GeneratedRegex(@"AssertionError: assert (?<actual>.+?) == (?<expected>[^\r\n]+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PytestAssert();
}
