using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Healing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>
/// Reads a failure's kind from its message, stack trace and definition, most specific first: a definition that does
/// not parse, a missing package, a service that refused the connection, a missing JSON field, an assertion with
/// expected and actual values, a timeout. What matches nothing stays <see cref="FailureKind.Unknown"/>; flakiness is
/// decided from history, never guessed from text.
/// </summary>
public static partial class FailureClassifier
{
    public static FailureClassification Classify(HealingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var text = $"{failure.ErrorMessage}\n{failure.StackTrace}";
        if (failure.Definition is { } definition && ParseError(definition) is { } syntax)
        {
            return new(FailureKind.DefinitionSyntax, HealingStrategy.DefinitionSyntax, $"the definition does not parse: {syntax}");
        }

        if (DependencyHealer.Find(text) is { } missing)
        {
            return new(FailureKind.MissingDependency, HealingStrategy.Dependency, $"the error names a missing {missing.Ecosystem} package or module '{missing.Name}'");
        }

        if (ConnectionRefused().Match(text) is { Success: true } refused)
        {
            return new(FailureKind.ServiceUnavailable, HealingStrategy.Environment, $"the service could not be reached ('{refused.Value}')");
        }

        if (ApiContractHealer.MissingField(text) is { } field)
        {
            return new(FailureKind.ApiContractChanged, HealingStrategy.ApiContract, $"the response has no field '{field}'");
        }

        if (AssertionUpdateHealer.Parse(text) is { } assertion)
        {
            return new(FailureKind.AssertionMismatch, HealingStrategy.AssertionUpdate, $"expected '{assertion.Expected}' but the run saw '{assertion.Actual}'");
        }

        if (TimingHealer.TimeoutMs(text) is { } timeout)
        {
            return new(FailureKind.Timeout, HealingStrategy.Timing, $"a {timeout} ms timeout ran out");
        }

        return new(FailureKind.Unknown, null, "no known failure pattern in the message or stack trace");
    }

    /// <summary>The YAML error with its position, or null when the text parses.</summary>
    public static string? ParseError(string yaml)
    {
        try
        {
            new YamlStream().Load(new StringReader(yaml));
            return null;
        }
        catch (YamlException ex)
        {
            // YamlDotNet reports a tab in indentation at the start of the enclosing mapping; the tab itself is more use.
            var (line, column) = ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentedLine(yaml) is { } tabbed
                ? (tabbed, 1L)
                : (ex.End.Line, ex.End.Column);
            return $"line {line}, column {column}: {ex.Message}";
        }
    }

    private static long? FirstTabIndentedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t'))
            {
                return i + 1;
            }
        }

        return null;
    }

    [GeneratedRegex(@"ECONNREFUSED|Connection refused|No connection could be made[^\r\n]*|ERR_CONNECTION_REFUSED|503 Service Unavailable|Name or service not known|ENOTFOUND", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ConnectionRefused();
}
