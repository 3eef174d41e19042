using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Replaces a step's locator in a journey's YAML text, in place (comments, order and quoting kept), and gives the
/// patched text and its diff. The locator is found as a scalar value equal to it; when it occurs more than once, the
/// one in item <c>stepIndex</c> of a <c>steps</c> sequence is taken; when that still is not one place, nothing is patched.
/// </summary>
public static partial class YamlLocatorPatch
{
    /// <summary>The patched YAML and its unified diff, or null with the reason.</summary>
    public static (string? Patched, string? Diff, string? Problem) Replace(string yaml, string journey, int stepIndex, string oldLocator, string newLocator)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        List<(Scalar Scalar, int? Step)> hits;
        try
        {
            hits = FindScalars(yaml, oldLocator);
        }
        catch (YamlException ex)
        {
            return (null, null, $"the definition does not parse at line {ex.End.Line}, column {ex.End.Column}: {ex.Message}");
        }

        var chosen = hits.Count == 1 ? hits : hits.Where(h => h.Step == stepIndex).ToList();
        if (chosen.Count != 1)
        {
            return (null, null, hits.Count == 0
                ? $"the locator '{oldLocator}' does not occur in the definition"
                : $"the locator '{oldLocator}' occurs {hits.Count} times and not once in step {stepIndex}");
        }

        var scalar = chosen[0].Scalar;
        var start = checked((int)scalar.Start.Index);
        var end = checked((int)scalar.End.Index);
        var patched = string.Concat(yaml.AsSpan(0, start), Write(newLocator, scalar.Style), yaml.AsSpan(end));
        return (patched, UnifiedDiff.Create($"{journey}.yaml", yaml, patched), null);
    }

    private static List<(Scalar, int?)> FindScalars(string yaml, string locator)
    {
        var hits = new List<(Scalar, int?)>();
        var frames = new Stack<Frame>();
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var parent = frames.Count > 0 ? frames.Peek() : null;
            switch (current)
            {
                case Scalar scalar when parent is { IsMapping: true, ExpectKey: true }:
                    parent.Key = scalar.Value;
                    parent.ExpectKey = false;
                    break;
                case Scalar scalar:
                    Item(parent);
                    if (string.Equals(scalar.Value, locator, StringComparison.Ordinal))
                    {
                        hits.Add((scalar, StepOf(frames)));
                    }

                    break;
                case MappingStart or SequenceStart:
                    Item(parent);
                    frames.Push(new Frame(current is MappingStart, parent is { IsMapping: true } ? parent.Key : null));
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    break;
                default:
                    break;
            }
        }

        return hits;
    }

    /// <summary>A value was read in <paramref name="parent"/>: a mapping waits for its next key, a sequence counts an item.</summary>
    private static void Item(Frame? parent)
    {
        if (parent is null)
        {
            return;
        }

        if (parent.IsMapping)
        {
            parent.ExpectKey = true;
        }
        else
        {
            parent.Index++;
        }
    }

    private static int? StepOf(Stack<Frame> frames) =>
        frames.FirstOrDefault(f => !f.IsMapping && f.IntroducedBy == "steps") is { } steps ? steps.Index : null;

    private static string Write(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.Plain when PlainSafe().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) => value,
        _ => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
    };

    [GeneratedRegex(@"^[A-Za-z][^\r\n\t]*[^\s:]$")]
    private static partial Regex PlainSafe();

    private sealed class Frame(bool isMapping, string? introducedBy)
    {
        public bool IsMapping { get; } = isMapping;

        public string? IntroducedBy { get; } = introducedBy;

        public bool ExpectKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; } = -1;
    }
}
