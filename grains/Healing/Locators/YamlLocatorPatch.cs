using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Replaces a step's locator in a journey's YAML text, in place (comments, order and quoting kept), and gives the
/// patched text and its diff. The locator is looked for in step <c>stepIndex</c> of the journey named
/// <c>journey</c> (in a journeys file's <c>journeys</c> list, or a lone journey at the root); when it is not there, a
/// scalar equal to it anywhere in the file is taken if there is exactly one; otherwise nothing is patched.
/// </summary>
public static partial class YamlLocatorPatch
{
    /// <summary>The patched YAML and its unified diff, or null with the reason.</summary>
    public static (string? Patched, string? Diff, string? Problem) Replace(string yaml, string journey, int stepIndex, string oldLocator, string newLocator)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.FirstOrDefault()?.RootNode;
        }
        catch (YamlException ex)
        {
            return (null, null, $"the definition does not parse at line {ex.End.Line}, column {ex.End.Column}: {ex.Message}");
        }

        var inStep = Step(root, journey, stepIndex) is { } step ? Matches(step, oldLocator) : [];
        var anywhere = Matches(root, oldLocator);
        var chosen = inStep.Count == 1 ? inStep[0] : anywhere.Count == 1 ? anywhere[0] : null;
        if (chosen is null)
        {
            return (null, null, anywhere.Count == 0
                ? $"the locator '{oldLocator}' does not occur in the definition"
                : $"the locator '{oldLocator}' occurs {anywhere.Count} times and not once in step {stepIndex} of journey '{journey}'");
        }

        var start = checked((int)chosen.Start.Index);
        var end = checked((int)chosen.End.Index);
        var patched = string.Concat(yaml.AsSpan(0, start), Write(newLocator, chosen.Style), yaml.AsSpan(end));
        return (patched, UnifiedDiff.Create($"{journey}.yaml", yaml, patched), null);
    }

    /// <summary>Step <paramref name="index"/> of the journey named <paramref name="journey"/>, or null.</summary>
    private static YamlNode? Step(YamlNode? root, string journey, int index)
    {
        var journeys = root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("journeys"), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children
            : root is null ? [] : [root];
        var named = journeys.OfType<YamlMappingNode>().FirstOrDefault(j =>
            j.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: { } value } && value == journey);
        return named is not null && named.Children.TryGetValue(new YamlScalarNode("steps"), out var steps) && steps is YamlSequenceNode stepList && index >= 0 && index < stepList.Children.Count
            ? stepList.Children[index]
            : null;
    }

    private static List<YamlScalarNode> Matches(YamlNode? node, string locator) => node switch
    {
        YamlScalarNode scalar when string.Equals(scalar.Value, locator, StringComparison.Ordinal) => [scalar],
        YamlMappingNode mapping => [.. mapping.Children.Values.SelectMany(v => Matches(v, locator))],
        YamlSequenceNode sequence => [.. sequence.Children.SelectMany(c => Matches(c, locator))],
        _ => [],
    };

    private static string Write(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.Plain when PlainSafe().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) => value,
        _ => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
    };

    [GeneratedRegex(@"^[A-Za-z][^\r\n\t]*[^\s:]$")]
    private static partial Regex PlainSafe();
}
