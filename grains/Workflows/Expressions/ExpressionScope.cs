using System.Text.Json;

namespace Maestro.Grains.Workflows;

/// <summary>The values expressions read while a workflow runs: inputs, env, finished steps' outputs and statuses, the fan-out item.</summary>
public sealed class ExpressionScope(
    string workflowId,
    string workflowName,
    IReadOnlyDictionary<string, string> inputs,
    IReadOnlyDictionary<string, string> env,
    IReadOnlyDictionary<string, (string Status, IReadOnlyDictionary<string, string>? Outputs)> steps,
    string? item = null)
{
    public ExpressionScope WithItem(string value) => new(workflowId, workflowName, inputs, env, steps, value);

    public string Render(string template) => ExpressionTemplate.Parse(template).Render(Resolve);

    public bool Evaluate(string condition) => ConditionExpression.Parse(condition).Evaluate(Resolve);

    /// <summary>The fan-out items of a <c>forEach</c> expression: a JSON array of strings, or a comma-separated list.</summary>
    public IReadOnlyList<string> RenderList(string template)
    {
        var text = Render(template).Trim();
        if (text.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(text) ?? [];
            }
            catch (JsonException ex)
            {
                throw new ExpressionEvaluationException($"forEach value '{text}' is not a JSON array of strings: {ex.Message}");
            }
        }

        return text.Length == 0 ? [] : [.. text.Split(',').Select(s => s.Trim())];
    }

    public string Resolve(ExpressionReference reference) => reference.Root switch
    {
        "inputs" => inputs.TryGetValue(reference.Field, out var input) ? input : throw new ExpressionEvaluationException($"input '{reference.Field}' has no value"),
        "env" => env.TryGetValue(reference.Field, out var value) ? value : throw new ExpressionEvaluationException($"env '{reference.Field}' is not declared"),
        "item" => item ?? throw new ExpressionEvaluationException("'item' is only defined inside a forEach step"),
        "workflow" => reference.Field == "id" ? workflowId : workflowName,
        _ => ResolveStep(reference),
    };

    private string ResolveStep(ExpressionReference reference)
    {
        if (!steps.TryGetValue(reference.StepId!, out var step))
        {
            throw new ExpressionEvaluationException($"step '{reference.StepId}' has not finished");
        }

        if (reference.Field == "status")
        {
            return step.Status;
        }

        return step.Outputs is not null && step.Outputs.TryGetValue(reference.Name!, out var output)
            ? output
            : throw new ExpressionEvaluationException($"step '{reference.StepId}' ({step.Status}) has no output '{reference.Name}'");
    }
}
