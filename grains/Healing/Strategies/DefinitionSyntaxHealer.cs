using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Repairs a journey YAML that no longer parses, for the known simple causes: tabs in indentation (YAML forbids
/// them) and a quoted value whose closing quote is missing. Every repair is checked by parsing the result; the
/// session always gives the parser's position, repaired or not.
/// </summary>
public static partial class DefinitionSyntaxHealer
{
    private const int MaxRepairableLine = 1000;

    public static StrategyResult Heal(HealingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Definition is not { } yaml)
        {
            return StrategyResult.None("No definition was given to check.");
        }

        if (FailureClassifier.ParseError(yaml) is not { } error)
        {
            return StrategyResult.None("The definition parses: its syntax is not the cause.");
        }

        var notes = new List<string> { $"Parse error at {error}" };
        foreach (var (description, repaired, confidence) in Repairs(yaml))
        {
            if (repaired != yaml && FailureClassifier.ParseError(repaired) is null)
            {
                var fix = new HealingFix(HealingStrategy.DefinitionSyntax, description, confidence, [$"Parse error at {error}", "The repaired definition parses."],
                    null, UnifiedDiff.Create($"{failure.TestId}.yaml", yaml, repaired));
                return new StrategyResult(fix, [new HealingCandidate(description, confidence, [], null, null)], notes);
            }
        }

        notes.Add("No known simple repair makes it parse: fix it by hand at that position.");
        return new StrategyResult(null, [], notes);
    }

    private static IEnumerable<(string Description, string Repaired, double Confidence)> Repairs(string yaml)
    {
        var lines = yaml.Split('\n');
        yield return ("Replace tabs in indentation with two spaces each", string.Join('\n', lines.Select(l => LeadingTabs().Replace(l, m => m.Value.Replace("\t", "  ", StringComparison.Ordinal)))), 0.95);

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            // A journey line is short; a very long one is not a quote to close, and would only cost matching time.
            if (line.Length <= MaxRepairableLine && UnclosedQuote().Match(line) is { Success: true } open)
            {
                var quote = open.Groups["q"].Value;
                var fixedLines = lines.ToArray();
                fixedLines[i] = line.TrimEnd() + quote + (lines[i].EndsWith('\r') ? "\r" : string.Empty);
                yield return ($"Close the {(quote == "\"" ? "double" : "single")} quote opened on line {i + 1}", string.Join('\n', fixedLines), 0.8);
            }
        }
    }

    [GeneratedRegex(@"^[ \t]*\t[ \t]*", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingTabs();

    /// <summary>A value that opens a quote after "key: " or "- " and has no closing one on the line.</summary>
    [GeneratedRegex(@"^\s*(?:-\s+)?(?:[^:#'""]+:\s+)?(?<q>[""'])(?:(?!\k<q>).)*$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnclosedQuote();
}
