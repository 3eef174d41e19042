using System.Globalization;
using Maestro.GrainInterfaces.Workflows;
using YamlDotNet.RepresentationModel;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Reads workflow YAML into a <see cref="WorkflowDefinition"/>, checking its shape: unknown keys, missing or empty
/// fields, wrong types, bad durations and numbers, step ids, one kind per step. It keeps going after a problem, so
/// one pass reports them all; the partial definition lets <see cref="WorkflowValidator"/> add its own.
/// </summary>
public sealed class WorkflowDefinitionParser
{
    private static readonly string[] KindKeys = ["http", "process", "wait", "approval", "publish", "workflow", "test-suite"];

    private static readonly string[] StepControlKeys = ["id", "description", "depends", "when", "optional", "timeout", "retry", "forEach", "maxParallel"];

    private readonly YamlDefinitionReader reader;

    private WorkflowDefinitionParser(string file) => reader = new YamlDefinitionReader(file);

    /// <summary>The definition as far as it could be read (null when the YAML itself is unreadable) and every problem found.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string yaml, string file)
    {
        var parser = new WorkflowDefinitionParser(file);
        var definition = parser.ParseDocument(yaml);
        return (definition, parser.reader.Errors);
    }

    internal static SourcePosition PositionOf(YamlNode node) => YamlDefinitionReader.PositionOf(node);

    private WorkflowDefinition? ParseDocument(string yaml)
    {
        if (reader.LoadDocument(yaml, "the definition") is not { } document)
        {
            return null;
        }

        if (Mapping(document, "the workflow") is not { } root)
        {
            return null;
        }

        var keys = Keys(root, "the workflow", ["name", "description", "timeout", "inputs", "env", "outputs", "steps"]);
        var name = RequiredText(keys, "name", root, "the workflow")?.Value ?? string.Empty;
        var description = OptionalText(keys, "description")?.Value;
        var timeout = OptionalDuration(keys, "timeout");
        var inputs = keys.TryGetValue("inputs", out var inputsNode) ? ParseInputs(inputsNode) : [];
        var env = keys.TryGetValue("env", out var envNode) ? StringMap(envNode, "env").ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal) : [];
        var outputs = keys.TryGetValue("outputs", out var outputsNode) ? StringMap(outputsNode, "outputs") : [];
        var steps = new List<StepDefinition>();
        if (!keys.TryGetValue("steps", out var stepsNode))
        {
            Error(root, "missing required key 'steps' in the workflow");
        }
        else if (stepsNode is not YamlSequenceNode sequence)
        {
            Error(stepsNode, "'steps' must be a list of steps");
        }
        else if (sequence.Children.Count == 0)
        {
            Error(stepsNode, "'steps' must hold at least one step");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stepNode in sequence.Children)
            {
                if (ParseStep(stepNode) is { } step)
                {
                    if (seen.Add(step.Id))
                    {
                        steps.Add(step);
                    }
                    else
                    {
                        Error(stepNode, $"duplicate step id '{step.Id}'");
                    }
                }
            }
        }

        return new WorkflowDefinition(name, description, timeout, inputs, env, outputs, steps);
    }

    private List<InputDefinition> ParseInputs(YamlNode node)
    {
        var inputs = new List<InputDefinition>();
        if (Mapping(node, "'inputs'") is not { } mapping)
        {
            return inputs;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (Scalar(key, "an input name") is not { } nameNode || !IsName(nameNode.Value!))
            {
                Error(key, "an input name must start with a letter and hold only letters, digits, '_' and '-'");
                continue;
            }

            var name = nameNode.Value!;
            if (value is YamlScalarNode scalar)
            {
                // "name: value" is shorthand for an input with that default.
                inputs.Add(new InputDefinition(name, Required: false, scalar.Value, PositionOf(key)));
                continue;
            }

            if (Mapping(value, $"input '{name}'") is not { } spec)
            {
                continue;
            }

            var fields = Keys(spec, $"input '{name}'", ["required", "default", "description"]);
            var required = OptionalBool(fields, "required") ?? false;
            var defaultValue = OptionalText(fields, "default")?.Value;
            if (required && defaultValue is not null)
            {
                Error(spec, $"input '{name}' is required and has a default; keep one of them");
            }

            inputs.Add(new InputDefinition(name, required, defaultValue, PositionOf(key)));
        }

        return inputs;
    }

    private StepDefinition? ParseStep(YamlNode node)
    {
        if (Mapping(node, "a step") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, "a step", [.. StepControlKeys, .. KindKeys]);
        var idText = RequiredText(keys, "id", mapping, "a step");
        var id = idText?.Value ?? string.Empty;
        if (idText is not null && !IsName(id))
        {
            Error(keys["id"], $"step id '{id}' must start with a letter and hold only letters, digits, '_' and '-'");
        }

        var context = id.Length > 0 ? $"step '{id}'" : "a step";
        var depends = new List<StepDependency>();
        if (keys.TryGetValue("depends", out var dependsNode))
        {
            var items = dependsNode is YamlScalarNode ? [dependsNode] : dependsNode is YamlSequenceNode list ? list.Children : null;
            if (items is null)
            {
                Error(dependsNode, $"'depends' of {context} must be a step id or a list of step ids");
            }
            else
            {
                foreach (var item in items)
                {
                    if (Scalar(item, "a step id in 'depends'") is { } dependency)
                    {
                        depends.Add(new StepDependency(dependency.Value ?? string.Empty, PositionOf(item)));
                    }
                }
            }
        }

        var when = OptionalText(keys, "when");
        var optional = OptionalBool(keys, "optional") ?? false;
        var timeout = OptionalDuration(keys, "timeout");
        var retry = keys.TryGetValue("retry", out var retryNode) ? ParseRetry(retryNode, context) : RetryDefinition.None;
        ForEachDefinition? forEach = null;
        if (keys.TryGetValue("forEach", out var forEachNode))
        {
            forEach = forEachNode switch
            {
                YamlSequenceNode items => new ForEachDefinition([.. items.Children.Select(i => Text(i, "a forEach item")).OfType<SourceText>()], null),
                YamlScalarNode => new ForEachDefinition(null, Text(forEachNode, "forEach")),
                _ => null,
            };
            if (forEach is null)
            {
                Error(forEachNode, $"'forEach' of {context} must be a list or an expression");
            }
        }

        var maxParallel = OptionalInt(keys, "maxParallel", 1, 1000);
        if (maxParallel is not null && forEach is null)
        {
            Error(keys["maxParallel"], $"'maxParallel' of {context} applies only with 'forEach'");
        }

        var kinds = KindKeys.Where(keys.ContainsKey).ToList();
        if (kinds.Count == 0)
        {
            Error(mapping, $"{context} has no kind: add one of {string.Join(", ", KindKeys)}");
            return null;
        }

        foreach (var extra in kinds.Skip(1))
        {
            Error(KeyNode(mapping, extra), $"{context} has more than one kind ('{kinds[0]}' and '{extra}'); a step does one thing");
        }

        var kindKey = kinds[0];
        var kind = kindKey == "test-suite" ? StepKind.TestSuite : Enum.Parse<StepKind>(kindKey, ignoreCase: true);
        StepSpec? spec = kind switch
        {
            StepKind.Http => ParseHttp(keys[kindKey], context),
            StepKind.Process => ParseProcess(keys[kindKey], context),
            StepKind.Wait => ParseWait(keys[kindKey], context),
            StepKind.Approval => ParseApproval(keys[kindKey], context),
            StepKind.Publish => ParsePublish(keys[kindKey], context),
            StepKind.Workflow => ParseSubWorkflow(keys[kindKey], context),
            _ => ParseTestSuite(keys[kindKey], context),
        };

        return spec is null || id.Length == 0 ? null
            : new StepDefinition(id, PositionOf(mapping), kind, depends, when, optional, timeout, retry, forEach, maxParallel, spec);
    }

    private RetryDefinition ParseRetry(YamlNode node, string context)
    {
        if (Mapping(node, $"'retry' of {context}") is not { } mapping)
        {
            return RetryDefinition.None;
        }

        var keys = Keys(mapping, $"'retry' of {context}", ["maxAttempts", "initialInterval", "factor", "maxInterval", "jitter"]);
        var initial = OptionalDuration(keys, "initialInterval") ?? TimeSpan.FromSeconds(1);
        var factor = 2.0;
        if (keys.TryGetValue("factor", out var factorNode) && Scalar(factorNode, "'factor'") is { } factorScalar)
        {
            if (!double.TryParse(factorScalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out factor) || factor < 1 || factor > 100)
            {
                Error(factorNode, $"'factor' of {context} must be a number from 1 to 100");
                factor = 2.0;
            }
        }

        var maxInterval = OptionalDuration(keys, "maxInterval") ?? TimeSpan.FromTicks(Math.Min(initial.Ticks * 100, TimeSpan.FromHours(1).Ticks));
        if (maxInterval < initial)
        {
            Error(mapping, $"'maxInterval' of {context} is shorter than 'initialInterval'");
        }

        return new RetryDefinition(OptionalInt(keys, "maxAttempts", 1, 100) ?? 3, initial, factor, maxInterval, OptionalBool(keys, "jitter") ?? true);
    }

    private HttpStepSpec? ParseHttp(YamlNode node, string context)
    {
        if (Mapping(node, $"'http' of {context}") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, $"'http' of {context}", ["method", "url", "headers", "body", "expectStatus"]);
        var method = OptionalText(keys, "method")?.Value.ToUpperInvariant() ?? "GET";
        if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS"))
        {
            Error(keys["method"], $"'method' of {context} must be GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS");
        }

        var url = RequiredText(keys, "url", mapping, $"'http' of {context}");
        if (url is not null && !ExpressionTemplate.Parse(url.Value).HasReferences
            && (!Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            Error(keys["url"], $"'url' of {context} must be an absolute http or https URL");
        }

        var expect = new List<int>();
        if (keys.TryGetValue("expectStatus", out var expectNode))
        {
            var items = expectNode is YamlSequenceNode list ? list.Children : [expectNode];
            foreach (var item in items)
            {
                if (Scalar(item, "a status code") is { } code && int.TryParse(code.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599)
                {
                    expect.Add(status);
                }
                else
                {
                    Error(item, $"'expectStatus' of {context} must be HTTP status codes (100 to 599)");
                }
            }
        }

        var headers = keys.TryGetValue("headers", out var headersNode) ? StringMap(headersNode, $"'headers' of {context}") : [];
        return url is null ? null : new HttpStepSpec(method, url, headers, OptionalText(keys, "body"), expect);
    }

    private ProcessStepSpec? ParseProcess(YamlNode node, string context)
    {
        if (Mapping(node, $"'process' of {context}") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, $"'process' of {context}", ["command", "args", "workingDirectory", "env"]);
        var command = RequiredText(keys, "command", mapping, $"'process' of {context}");
        var args = new List<SourceText>();
        if (keys.TryGetValue("args", out var argsNode))
        {
            if (argsNode is YamlSequenceNode list)
            {
                args.AddRange(list.Children.Select(a => Text(a, "an argument")).OfType<SourceText>());
            }
            else
            {
                // A string would have to be split, and splitting is a shell's job; Maestro never uses a shell.
                Error(argsNode, $"'args' of {context} must be a list, one argument per item");
            }
        }

        var env = keys.TryGetValue("env", out var envNode) ? StringMap(envNode, $"'env' of {context}") : [];
        return command is null ? null : new ProcessStepSpec(command, args, OptionalText(keys, "workingDirectory"), env);
    }

    private WaitStepSpec? ParseWait(YamlNode node, string context)
    {
        if (Mapping(node, $"'wait' of {context}") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, $"'wait' of {context}", ["duration"]);
        if (!keys.ContainsKey("duration"))
        {
            Error(mapping, $"missing required key 'duration' in 'wait' of {context}");
            return null;
        }

        return OptionalDuration(keys, "duration") is { } duration ? new WaitStepSpec(duration) : null;
    }

    private ApprovalStepSpec? ParseApproval(YamlNode node, string context)
    {
        if (node is YamlScalarNode { Value: null or "" })
        {
            return new ApprovalStepSpec(null);
        }

        if (Mapping(node, $"'approval' of {context}") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, $"'approval' of {context}", ["prompt"]);
        return new ApprovalStepSpec(OptionalText(keys, "prompt")?.Value);
    }

    private PublishStepSpec? ParsePublish(YamlNode node, string context)
    {
        if (Mapping(node, $"'publish' of {context}") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, $"'publish' of {context}", ["stream", "payload"]);
        var stream = RequiredText(keys, "stream", mapping, $"'publish' of {context}");
        var payload = keys.TryGetValue("payload", out var payloadNode) ? StringMap(payloadNode, $"'payload' of {context}") : [];
        return stream is null ? null : new PublishStepSpec(stream, payload);
    }

    private SubWorkflowStepSpec? ParseSubWorkflow(YamlNode node, string context)
    {
        if (Mapping(node, $"'workflow' of {context}") is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, $"'workflow' of {context}", ["template", "version", "parameters", "inputs"]);
        var template = RequiredText(keys, "template", mapping, $"'workflow' of {context}");
        var version = OptionalInt(keys, "version", 1, int.MaxValue);
        var parameters = keys.TryGetValue("parameters", out var p) ? StringMap(p, $"'parameters' of {context}") : [];
        var inputs = keys.TryGetValue("inputs", out var i) ? StringMap(i, $"'inputs' of {context}") : [];
        return template is null ? null : new SubWorkflowStepSpec(template.Value, version, parameters, inputs);
    }

    private TestSuiteStepSpec? ParseTestSuite(YamlNode node, string context)
    {
        var what = $"'test-suite' of {context}";
        if (Mapping(node, what) is not { } mapping)
        {
            return null;
        }

        var keys = Keys(mapping, what, [.. TestSuiteStepSpec.Keys]);
        var name = RequiredText(keys, "name", mapping, what);
        var adapter = RequiredText(keys, "adapter", mapping, what);
        List<SourceText>? command = null;
        if (keys.TryGetValue("command", out var commandNode))
        {
            if (commandNode is YamlSequenceNode list && list.Children.Count > 0)
            {
                command = [.. list.Children.Select(a => Text(a, "a command item")).OfType<SourceText>()];
            }
            else
            {
                // A string would have to be split, and splitting is a shell's job; Maestro never uses a shell.
                Error(commandNode, $"'command' of {what} must be a non-empty list: the program, then one item per argument");
            }
        }

        var env = keys.TryGetValue("env", out var envNode) ? StringMap(envNode, $"'env' of {what}") : [];

        // Every setting is read before deciding, so one pass reports every problem of the step.
        var timeoutSeconds = OptionalInt(keys, "timeoutSeconds", 1, 6 * 3600);
        var shards = OptionalInt(keys, "shards", 1, 1000) ?? 1;
        var retries = OptionalInt(keys, "retries", 0, 100) ?? 0;
        var allowFailures = OptionalBool(keys, "allowFailures") ?? false;
        var texts = new[] { "definition", "workingDirectory", "resultFile", "baseUrl", "branch", "commit", "environment" }.ToDictionary(k => k, k => OptionalText(keys, k));
        return name is null || adapter is null ? null : new TestSuiteStepSpec(
            name,
            adapter,
            command,
            texts["definition"],
            texts["workingDirectory"],
            texts["resultFile"],
            texts["baseUrl"],
            env,
            timeoutSeconds,
            shards,
            retries,
            texts["branch"],
            texts["commit"],
            texts["environment"],
            allowFailures);
    }

    private static bool IsName(string value) =>
        value.Length is > 0 and <= 100 && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string context, string[] allowed) => reader.Keys(mapping, context, allowed);

    private static YamlNode KeyNode(YamlMappingNode mapping, string key) =>
        mapping.Children.Keys.First(k => k is YamlScalarNode { Value: { } v } && v == key);

    private YamlMappingNode? Mapping(YamlNode node, string what) => reader.Mapping(node, what);

    private YamlScalarNode? Scalar(YamlNode node, string what) => reader.Scalar(node, what);

    private SourceText? Text(YamlNode node, string what) => reader.Text(node, what);

    private SourceText? OptionalText(Dictionary<string, YamlNode> keys, string key) =>
        keys.TryGetValue(key, out var node) ? Text(node, $"'{key}'") : null;

    private SourceText? RequiredText(Dictionary<string, YamlNode> keys, string key, YamlNode owner, string context)
    {
        if (!keys.TryGetValue(key, out var node))
        {
            Error(owner, $"missing required key '{key}' in {context}");
            return null;
        }

        var text = Text(node, $"'{key}' of {context}");
        if (text is { Value.Length: 0 })
        {
            Error(node, $"'{key}' of {context} must not be empty");
            return null;
        }

        return text;
    }

    private bool? OptionalBool(Dictionary<string, YamlNode> keys, string key)
    {
        if (OptionalText(keys, key) is not { } text)
        {
            return null;
        }

        if (text.Value is "true" or "false")
        {
            return text.Value == "true";
        }

        Error(keys[key], $"'{key}' must be true or false, not '{text.Value}'");
        return null;
    }

    private int? OptionalInt(Dictionary<string, YamlNode> keys, string key, int min, int max)
    {
        if (OptionalText(keys, key) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Error(keys[key], $"'{key}' must be a whole number from {min} to {max}, not '{text.Value}'");
        return null;
    }

    private TimeSpan? OptionalDuration(Dictionary<string, YamlNode> keys, string key)
    {
        if (OptionalText(keys, key) is not { } text)
        {
            return null;
        }

        if (DurationText.TryParse(text.Value, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        Error(keys[key], $"'{key}' must be a positive duration such as 250ms, 30s, 5m or 2h, not '{text.Value}'");
        return null;
    }

    private Dictionary<string, SourceText> StringMap(YamlNode node, string what)
    {
        var map = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        if (Mapping(node, what) is not { } mapping)
        {
            return map;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (Scalar(key, $"a key in {what}") is { Value: { Length: > 0 } name } && Text(value, $"'{name}' in {what}") is { } text)
            {
                map[name] = text;
            }
        }

        return map;
    }

    private void Error(YamlNode node, string message) => reader.Error(node, message);
}
