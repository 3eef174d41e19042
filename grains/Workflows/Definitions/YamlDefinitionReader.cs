using Maestro.GrainInterfaces.Workflows;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Maestro.Grains.Workflows;

/// <summary>
/// What every YAML definition parser needs (workflows, journeys): loading one document, reading mappings, scalars and
/// allowed keys, and collecting each problem with the line and column of the node it is about, so one pass reports them all.
/// </summary>
public sealed class YamlDefinitionReader(string file)
{
    private readonly List<DefinitionError> errors = [];

    /// <summary>Every problem found so far, in the order found.</summary>
    public IReadOnlyList<DefinitionError> Errors => errors;

    public static SourcePosition PositionOf(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new((int)node.Start.Line, (int)node.Start.Column);
    }

    /// <summary>The root node of the one document in <paramref name="yaml"/>; null (and a problem) when the YAML is unreadable or empty.</summary>
    /// <param name="yaml">The definition's text.</param>
    /// <param name="what">The definition, as messages name it: "the definition", "the journeys file".</param>
    public YamlNode? LoadDocument(string yaml, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // YamlDotNet wraps the real cause (e.g. a duplicate key) in a generic message; show the innermost one.
            var cause = ex;
            while (cause.InnerException is YamlException inner)
            {
                cause = inner;
            }

            errors.Add(new DefinitionError(file, (int)cause.Start.Line, (int)cause.Start.Column, $"invalid YAML: {cause.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(new DefinitionError(file, 1, 1, $"{what} is empty"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, $"{what} holds one YAML document; found more than one");
        }

        return stream.Documents[0].RootNode;
    }

    public void Error(YamlNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        errors.Add(new DefinitionError(file, (int)node.Start.Line, (int)node.Start.Column, message));
    }

    /// <summary>A problem at a place inside a node, e.g. a reference within a scalar (<see cref="SourceText.PositionOf"/>).</summary>
    public void Error(SourcePosition at, string message) => errors.Add(new DefinitionError(file, at.Line, at.Column, message));

    /// <summary>The mapping's values by key; a key that is not a plain name or not in <paramref name="allowed"/> is a problem.</summary>
    public Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string context, string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                Error(key, $"a key in {context} must be a plain name");
            }
            else if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key '{name}' in {context}; expected one of: {string.Join(", ", allowed)}");
            }
            else
            {
                keys[name] = value;
            }
        }

        return keys;
    }

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(node, $"{what} must be a mapping of keys to values");
        return null;
    }

    public YamlScalarNode? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar;
        }

        Error(node, $"{what} must be a single value, not a list or a mapping");
        return null;
    }

    /// <summary>A scalar's text with where it was written (past the opening quote of a quoted scalar).</summary>
    public SourceText? Text(YamlNode node, string what) =>
        Scalar(node, what) is { } scalar
            ? new SourceText(scalar.Value ?? string.Empty, PositionOf(scalar), scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0)
            : null;
}
