using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.Healing.Locators;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Follows a JSON field the API renamed: the field the error names is missing from the observed response
/// (<c>Observed["response"]</c>), and a field of a similar name is there (case and separators ignored, so
/// <c>userName</c> finds <c>user_name</c>). Needs a minimum similarity and a clear lead over the next name.
/// </summary>
public static partial class ApiContractHealer
{
    private const double Margin = 0.1;

    /// <summary>The missing field's name from Python, .NET, JsonPath and schema-check messages, or null.</summary>
    public static string? MissingField(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = MissingFieldPattern().Match(text);
        if (match.Success)
        {
            return match.Groups["name"].Value;
        }

        var path = JsonPathPattern().Match(text);
        return path.Success ? path.Groups["name"].Captures[^1].Value : null;
    }

    public static StrategyResult Heal(HealingFailure failure, StrategyOptions options)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(options);
        if (MissingField($"{failure.ErrorMessage}\n{failure.StackTrace}") is not { } missing)
        {
            return StrategyResult.None("The error names no missing field.");
        }

        if (failure.Observed?.GetValueOrDefault("response") is not { } body)
        {
            return StrategyResult.None($"The field '{missing}' is missing, but no observed response was given to look for its new name in.");
        }

        HashSet<string> names;
        try
        {
            using var document = JsonDocument.Parse(body);
            names = new HashSet<string>(StringComparer.Ordinal);
            Collect(document.RootElement, names);
        }
        catch (JsonException ex)
        {
            return StrategyResult.None($"The observed response is not JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}): {ex.Message}");
        }

        if (names.Contains(missing))
        {
            return StrategyResult.None($"The response does have '{missing}': the field was not renamed.");
        }

        var ranked = names.Select(n => (Name: n, Similarity: Math.Round(Similarity(missing, n), 4))).OrderByDescending(n => n.Similarity).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        var candidates = ranked.Take(5).Select(r => new HealingCandidate($"field '{r.Name}'", r.Similarity, [new ScoreTerm("name", r.Similarity, 1, $"'{missing}' vs '{r.Name}'")], null, null)).ToList();
        var best = ranked.FirstOrDefault();
        var second = ranked.Skip(1).FirstOrDefault();
        if (best.Name is null || best.Similarity < options.FieldMinimumSimilarity)
        {
            return new StrategyResult(null, candidates, [$"No field in the response is named like '{missing}' (best {best.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}, needs {options.FieldMinimumSimilarity})."]);
        }

        if (second.Name is not null && best.Similarity - second.Similarity < Margin)
        {
            return new StrategyResult(null, candidates, [$"Ambiguous: '{best.Name}' and '{second.Name}' are both named like '{missing}'."]);
        }

        var confidence = Math.Round(best.Similarity * 0.95, 4);
        var patch = failure.Definition is { } definition ? Patch(failure.TestId, definition, missing, best.Name) : null;
        var fix = new HealingFix(HealingStrategy.ApiContract, $"Read '{best.Name}' where the test reads '{missing}'", confidence,
            [$"'{missing}' is absent from the observed response.", $"'{best.Name}' is present, similarity {best.Similarity:0.00}."], best.Name, patch);
        return new StrategyResult(fix, candidates, []);
    }

    /// <summary>1 when the names differ only in case and separators; else edit similarity, at least 0.8 when one contains the other.</summary>
    public static double Similarity(string a, string b)
    {
        var (x, y) = (Normalise(a), Normalise(b));
        if (x == y)
        {
            return 1;
        }

        var edit = TextSimilarity.Levenshtein(x, y);
        return x.Length > 2 && y.Length > 2 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)) ? Math.Max(edit, 0.8) : edit;
    }

    private static string Normalise(string name) => Separators().Replace(name, string.Empty).ToLowerInvariant();

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }

    private static string? Patch(string testId, string definition, string missing, string replacement)
    {
        var lines = definition.Split('\n');
        var pattern = new Regex($@"(?<![A-Za-z0-9_]){Regex.Escape(missing)}(?![A-Za-z0-9_])");
        var at = lines.Select((line, index) => (line, index)).Where(l => pattern.IsMatch(l.line)).ToList();
        if (at.Count != 1)
        {
            return null;
        }

        lines[at[0].index] = pattern.Replace(at[0].line, replacement);
        return UnifiedDiff.Create($"{testId}.yaml", definition, string.Join('\n', lines));
    }

    [GeneratedRegex(@"KeyError: '(?<name>[^']+)'|The given key '(?<name>[^']+)' was not present|(?:missing|has no|no such) (?:property|field|key) ['""](?<name>[^'""]+)['""]|(?:Property|Field) ['""](?<name>[^'""]+)['""] (?:not found|is missing|does not exist)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MissingFieldPattern();

    [GeneratedRegex(@"No results for path: \$(?:\['(?<name>[^']+)'\])+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonPathPattern();

    [GeneratedRegex(@"[_\-\s.]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Separators();
}
