using System.Globalization;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;
using YamlDotNet.RepresentationModel;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Reads a journeys file (YAML) into journeys, checking everything before anything runs: unknown keys and actions,
/// missing fields, malformed locators, duplicate journey and screenshot names, regular expressions that do not compile,
/// <c>${env.NAME}</c> references to variables the suite does not set. Problems carry the line and column they were found
/// at, like workflow definitions (<see cref="DefinitionError"/>); it keeps going after one, so one pass reports them all.
/// </summary>
public sealed partial class JourneyDefinitionParser
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly YamlDefinitionReader reader;

    private JourneyDefinitionParser(string file, IReadOnlyDictionary<string, string> environment)
    {
        this.environment = environment;
        reader = new YamlDefinitionReader(file);
    }

    /// <summary>The journeys, or the exception naming every problem; a file with any problem yields no journey at all.</summary>
    /// <exception cref="JourneyDefinitionException">The file has at least one problem.</exception>
    public static IReadOnlyList<JourneyDefinition> Load(string yaml, string file, IReadOnlyDictionary<string, string>? environment)
    {
        var (journeys, errors) = Parse(yaml, file, environment);
        return errors.Count == 0 ? journeys : throw new JourneyDefinitionException(errors);
    }

    /// <summary>The journeys as far as they could be read, and every problem, in file order.</summary>
    public static (IReadOnlyList<JourneyDefinition> Journeys, IReadOnlyList<DefinitionError> Errors) Parse(
        string yaml, string file, IReadOnlyDictionary<string, string>? environment)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new JourneyDefinitionParser(file, environment ?? new Dictionary<string, string>());
        var journeys = parser.ParseDocument(yaml);
        return (journeys, parser.reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
    }

    private List<JourneyDefinition> ParseDocument(string yaml)
    {
        if (reader.LoadDocument(yaml, "the journeys file") is not { } document)
        {
            return [];
        }

        if (reader.Mapping(document, "the journeys file") is not { } root)
        {
            return [];
        }

        var keys = Keys(root, "the journeys file", ["journeys", "timeout"]);
        var fileTimeout = Timeout(keys);
        var journeys = new List<JourneyDefinition>();
        if (!keys.TryGetValue("journeys", out var list))
        {
            Error(root, "missing required key 'journeys' (a list of journeys)");
            return journeys;
        }

        if (list is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            Error(list, "'journeys' must be a list of at least one journey");
            return journeys;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in sequence.Children)
        {
            var (name, journey) = ParseJourney(node);
            if (name is not null && !names.Add(name))
            {
                Error(node, $"duplicate journey name '{name}'; names must be unique in a file (they make the test ids)");
            }
            else if (journey is not null)
            {
                journeys.Add(journey with { StepTimeout = journey.StepTimeout ?? fileTimeout });
            }
        }

        return journeys;
    }

    /// <summary>The journey's name when it has a valid one (even if the rest is broken, so duplicates are still found), and the journey when all of it is good.</summary>
    private (string? Name, JourneyDefinition? Journey) ParseJourney(YamlNode node)
    {
        if (reader.Mapping(node, "a journey") is not { } mapping)
        {
            return (null, null);
        }

        var keys = Keys(mapping, "a journey", ["name", "baseUrl", "timeout", "steps"]);
        string? name = null;
        if (!keys.TryGetValue("name", out var nameNode))
        {
            Error(mapping, "missing required key 'name' in a journey");
        }
        else if (reader.Scalar(nameNode, "'name'") is { } nameScalar)
        {
            name = nameScalar.Value ?? string.Empty;
            if (!JourneyNamePattern().IsMatch(name))
            {
                Error(nameNode, $"journey name '{name}' must be 1 to 100 letters, digits, spaces, '_', '-' or '.', starting with a letter or digit");
                name = null;
            }
        }

        var context = name is null ? "a journey" : $"journey '{name}'";
        Uri? baseUrl = null;
        if (keys.TryGetValue("baseUrl", out var baseNode) && Text(baseNode, "'baseUrl'") is { } baseText)
        {
            if (Uri.TryCreate(baseText, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                baseUrl = uri;
            }
            else
            {
                Error(baseNode, $"'baseUrl' of {context} must be an absolute http or https URL, not '{baseText}'");
            }
        }

        var steps = new List<JourneyStep>();
        var brokenSteps = false;
        if (!keys.TryGetValue("steps", out var stepsNode))
        {
            Error(mapping, $"missing required key 'steps' in {context}");
        }
        else if (stepsNode is not YamlSequenceNode { Children.Count: > 0 } stepList)
        {
            Error(stepsNode, $"'steps' of {context} must be a list of at least one step");
        }
        else
        {
            var screenshots = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < stepList.Children.Count; i++)
            {
                if (ParseStep(stepList.Children[i], i, context) is not { } step)
                {
                    brokenSteps = true;
                    continue;
                }

                if (step.Action == JourneyAction.Screenshot && !screenshots.Add(step.Argument!))
                {
                    Error(stepList.Children[i], $"duplicate screenshot name '{step.Argument}' in {context}");
                }

                steps.Add(step);
            }
        }

        var timeout = Timeout(keys);
        return (name, name is null || steps.Count == 0 || brokenSteps ? null
            : new JourneyDefinition(name, baseUrl, timeout, steps, YamlDefinitionReader.PositionOf(mapping)));
    }

    private JourneyStep? ParseStep(YamlNode node, int index, string journey)
    {
        var context = $"step {index + 1} of {journey}";
        if (node is not YamlMappingNode { Children.Count: 1 } mapping)
        {
            Error(node, $"{context} must be one action and its arguments, e.g. 'click: id=submit'; the actions are: {string.Join(", ", JourneyActionNames.All)}");
            return null;
        }

        var (actionNode, arguments) = mapping.Children.Single();
        var actionName = (actionNode as YamlScalarNode)?.Value ?? string.Empty;
        if (!JourneyActionNames.TryParse(actionName, out var action))
        {
            Error(actionNode, $"unknown action '{actionName}' in {context}; the actions are: {string.Join(", ", JourneyActionNames.All)}");
            return null;
        }

        context = $"'{actionName}' ({context})";
        var shorthand = ShorthandKey(action);
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (arguments is YamlScalarNode && shorthand is not null)
        {
            fields[shorthand] = arguments;
        }
        else if (arguments is YamlMappingNode argumentMap)
        {
            fields = Keys(argumentMap, context, AllowedKeys(action));
        }
        else
        {
            var form = shorthand is null ? "a mapping" : $"its {shorthand} or a mapping";
            Error(arguments, $"{context} takes {form} of: {string.Join(", ", AllowedKeys(action))}");
            return null;
        }

        var step = new JourneyStep(index, action, YamlDefinitionReader.PositionOf(mapping), null, null, JourneyTextMatch.Equals, null, null, null, JourneyWaitState.Visible, Timeout(fields));
        var ok = action switch
        {
            JourneyAction.Navigate => Required(fields, "url", arguments, context, out var url) && Set(ref step, step with { Argument = url }),
            JourneyAction.Fill => Located(fields, arguments, context, ref step) & Required(fields, "value", arguments, context, out var value, allowEmpty: true) && Set(ref step, step with { Argument = value }),
            JourneyAction.Select => Located(fields, arguments, context, ref step) & Required(fields, "option", arguments, context, out var option) && Set(ref step, step with { Argument = option }),
            JourneyAction.Press => Located(fields, arguments, context, ref step) & Required(fields, "key", arguments, context, out var key) && Key(fields["key"], key!, context) && Set(ref step, step with { Argument = key }),
            JourneyAction.WaitFor => Located(fields, arguments, context, ref step) & WaitState(fields, context, ref step),
            JourneyAction.AssertText => Located(fields, arguments, context, ref step) & Expected(fields, arguments, context, ["equals", "contains"], ref step),
            JourneyAction.AssertUrl => Expected(fields, arguments, context, ["equals", "matches"], ref step),
            JourneyAction.AssertCount => Located(fields, arguments, context, ref step) & Count(fields, arguments, context, ref step),
            JourneyAction.AssertAttribute => Located(fields, arguments, context, ref step)
                & Required(fields, "name", arguments, context, out var attribute) & Required(fields, "value", arguments, context, out var expected, allowEmpty: true)
                && Set(ref step, step with { AttributeName = attribute, Argument = expected }),
            JourneyAction.Screenshot => Required(fields, "name", arguments, context, out var screenshot) && ScreenshotName(fields["name"], screenshot!, context) && Set(ref step, step with { Argument = screenshot }),
            _ => Located(fields, arguments, context, ref step),
        };
        return ok ? step : null;
    }

    private static string? ShorthandKey(JourneyAction action) => action switch
    {
        JourneyAction.Navigate => "url",
        JourneyAction.Screenshot => "name",
        JourneyAction.AssertUrl => "equals",
        JourneyAction.Click or JourneyAction.Hover or JourneyAction.AssertVisible or JourneyAction.WaitFor => "locator",
        _ => null,
    };

    private static string[] AllowedKeys(JourneyAction action) => action switch
    {
        JourneyAction.Navigate => ["url", "timeout"],
        JourneyAction.Fill => ["locator", "value", "timeout"],
        JourneyAction.Select => ["locator", "option", "timeout"],
        JourneyAction.Press => ["locator", "key", "timeout"],
        JourneyAction.WaitFor => ["locator", "state", "timeout"],
        JourneyAction.AssertText => ["locator", "equals", "contains", "timeout"],
        JourneyAction.AssertUrl => ["equals", "matches", "timeout"],
        JourneyAction.AssertCount => ["locator", "n", "timeout"],
        JourneyAction.AssertAttribute => ["locator", "name", "value", "timeout"],
        JourneyAction.Screenshot => ["name"],
        _ => ["locator", "timeout"],
    };

    private static bool Set(ref JourneyStep step, JourneyStep value)
    {
        step = value;
        return true;
    }

    private bool Located(Dictionary<string, YamlNode> fields, YamlNode owner, string context, ref JourneyStep step)
    {
        if (!Required(fields, "locator", owner, context, out var text))
        {
            return false;
        }

        if (!JourneyLocatorSyntax.TryParse(text!, out var locator, out var problem))
        {
            Error(fields["locator"], $"malformed locator in {context}: {problem}");
            return false;
        }

        step = step with { Locator = locator };
        return true;
    }

    private bool WaitState(Dictionary<string, YamlNode> fields, string context, ref JourneyStep step)
    {
        if (!fields.TryGetValue("state", out var node))
        {
            return true;
        }

        var text = Text(node, "'state'");
        JourneyWaitState? state = text switch
        {
            "visible" => JourneyWaitState.Visible,
            "hidden" => JourneyWaitState.Hidden,
            "attached" => JourneyWaitState.Attached,
            "detached" => JourneyWaitState.Detached,
            _ => null,
        };
        if (state is { } known)
        {
            step = step with { State = known };
            return true;
        }

        Error(node, $"'state' of {context} must be visible, hidden, attached or detached, not '{text}'");
        return false;
    }

    private bool Expected(Dictionary<string, YamlNode> fields, YamlNode owner, string context, string[] forms, ref JourneyStep step)
    {
        var given = forms.Where(fields.ContainsKey).ToList();
        if (given.Count != 1)
        {
            Error(given.Count == 0 ? owner : fields[given[1]], $"{context} takes exactly one of: {string.Join(", ", forms)}");
            return false;
        }

        var form = given[0];
        if (Text(fields[form], $"'{form}'") is not { } expected)
        {
            return false;
        }

        var match = form switch
        {
            "contains" => JourneyTextMatch.Contains,
            "matches" => JourneyTextMatch.Matches,
            _ => JourneyTextMatch.Equals,
        };
        Regex? pattern = null;
        if (match == JourneyTextMatch.Matches)
        {
            try
            {
                pattern = new Regex(expected, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException ex)
            {
                Error(fields[form], $"'matches' of {context} is not a valid regular expression: {ex.Message}");
                return false;
            }
        }

        step = step with { Argument = expected, Match = match, Pattern = pattern };
        return true;
    }

    private bool Count(Dictionary<string, YamlNode> fields, YamlNode owner, string context, ref JourneyStep step)
    {
        if (!Required(fields, "n", owner, context, out var text))
        {
            return false;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            Error(fields["n"], $"'n' of {context} must be a whole number from 0 to 100000, not '{text}'");
            return false;
        }

        step = step with { ExpectedCount = n };
        return true;
    }

    private bool Key(YamlNode node, string key, string context)
    {
        if (JourneyKeys.IsValid(key))
        {
            return true;
        }

        Error(node, $"'key' of {context} must be one character or a key name ({string.Join(", ", JourneyKeys.Names)}), optionally after Shift+, Control+, Alt+ or Meta+; not '{key}'");
        return false;
    }

    private bool ScreenshotName(YamlNode node, string name, string context)
    {
        if (FileNamePattern().IsMatch(name))
        {
            return true;
        }

        Error(node, $"'name' of {context} must be 1 to 64 letters, digits, '_' or '-' (it names the PNG file), not '{name}'");
        return false;
    }

    private TimeSpan? Timeout(Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("timeout", out var node) || Text(node, "'timeout'") is not { } text)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var timeout) && timeout > TimeSpan.Zero && timeout <= TimeSpan.FromMinutes(10))
        {
            return timeout;
        }

        Error(node, $"'timeout' must be a duration from 1ms to 10m such as 500ms or 5s, not '{text}'");
        return null;
    }

    private bool Required(Dictionary<string, YamlNode> fields, string key, YamlNode owner, string context, out string? value, bool allowEmpty = false)
    {
        value = null;
        if (!fields.TryGetValue(key, out var node))
        {
            Error(owner, $"missing required key '{key}' in {context}");
            return false;
        }

        value = Text(node, $"'{key}' of {context}");
        if (value is { Length: 0 } && !allowEmpty)
        {
            Error(node, $"'{key}' of {context} must not be empty");
            value = null;
        }

        return value is not null;
    }

    private Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string context, string[] allowed) => reader.Keys(mapping, context, allowed);

    /// <summary>A scalar's text with <c>${env.NAME}</c> substituted; null (and an error at the reference) when a variable is not set.</summary>
    private string? Text(YamlNode node, string what)
    {
        if (reader.Text(node, what) is not { } source)
        {
            return null;
        }

        var ok = true;
        var text = EnvironmentReference().Replace(source.Value, match =>
        {
            var name = match.Groups["name"];
            if (name.Success && environment.TryGetValue(name.Value, out var value))
            {
                return value;
            }

            reader.Error(source.PositionOf(match.Index), name.Success
                ? $"'{match.Value}' in {what}: the suite's environment has no variable '{name.Value}'"
                : $"'{match.Value}' in {what}: only ${{env.NAME}} references are substituted");
            ok = false;
            return match.Value;
        });
        return ok ? text : null;
    }

    private void Error(YamlNode node, string message) => reader.Error(node, message);

    [GeneratedRegex(@"\$\{(env\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|[^}]*\}?)", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex JourneyNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
