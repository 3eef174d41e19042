using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Checks what the shape cannot: dependencies on unknown steps, cycles, expressions that do not parse, and references
/// a step cannot read (an unknown or non-ancestor step, an undeclared input or env value, <c>item</c> outside a fan-out).
/// </summary>
public static class WorkflowValidator
{
    public static IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition, string file)
    {
        var errors = new List<DefinitionError>();
        void Add(SourcePosition at, string message) => errors.Add(new DefinitionError(file, at.Line, at.Column, message));

        var steps = definition.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var step in definition.Steps)
        {
            foreach (var dependency in step.Depends)
            {
                if (!steps.ContainsKey(dependency.StepId))
                {
                    Add(dependency.Position, $"step '{step.Id}' depends on unknown step '{dependency.StepId}'");
                }
            }
        }

        var graph = new WorkflowGraph(definition.Steps);
        foreach (var cycle in graph.FindCycles())
        {
            Add(steps[cycle[0]].Position, $"the steps form a cycle: {string.Join(" -> ", cycle.Reverse())}");
        }

        var inputs = definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var hasCycle = errors.Count > 0 && graph.FindCycles().Count > 0;
        foreach (var step in definition.Steps)
        {
            var ancestors = hasCycle ? steps.Keys.ToHashSet(StringComparer.Ordinal) : graph.AncestorsOf(step.Id);
            var context = new ReferenceContext(step.Id, ancestors, steps.Keys, inputs, definition.Env.Keys, ItemAllowed: step.ForEach is not null);
            if (step.When is { } when)
            {
                var condition = ConditionExpression.Parse(when.Value);
                if (condition.Error is { } error)
                {
                    Add(when.PositionOf(error.Offset), $"bad 'when' condition in step '{step.Id}': {error.Message}");
                }

                CheckReferences(condition.References, when, context, Add);
            }

            foreach (var text in step.Spec.Expressions())
            {
                CheckTemplate(text, context, Add);
            }

            if (step.ForEach is { } forEach)
            {
                foreach (var text in (forEach.Items ?? []).Concat(forEach.Expression is null ? [] : [forEach.Expression]))
                {
                    CheckTemplate(text, context with { ItemAllowed = false }, Add);
                }
            }
        }

        var workflowContext = new ReferenceContext(null, steps.Keys.ToHashSet(StringComparer.Ordinal), steps.Keys, inputs, definition.Env.Keys, ItemAllowed: false);
        foreach (var text in definition.Outputs.Values)
        {
            CheckTemplate(text, workflowContext, Add);
        }

        return errors;
    }

    private static void CheckTemplate(SourceText text, ReferenceContext context, Action<SourcePosition, string> add)
    {
        var template = ExpressionTemplate.Parse(text.Value);
        foreach (var error in template.Errors)
        {
            add(text.PositionOf(error.Offset), $"bad expression{context.Where}: {error.Message}");
        }

        CheckReferences(template.References, text, context, add);
    }

    private static void CheckReferences(IEnumerable<ExpressionReference> references, SourceText text, ReferenceContext context, Action<SourcePosition, string> add)
    {
        foreach (var reference in references)
        {
            var problem = reference.Root switch
            {
                "inputs" when !context.Inputs.Contains(reference.Field) => $"'{reference.Text}' reads input '{reference.Field}', which 'inputs' does not declare",
                "env" when !context.Env.Contains(reference.Field) => $"'{reference.Text}' reads env '{reference.Field}', which 'env' does not declare",
                "item" when !context.ItemAllowed => "'item' is only defined inside a step with 'forEach'",
                "steps" when reference.StepId == context.StepId => $"'{reference.Text}': a step cannot read its own status or outputs",
                "steps" when !context.Steps.Contains(reference.StepId!) => $"'{reference.Text}' reads unknown step '{reference.StepId}'",
                "steps" when !context.Ancestors.Contains(reference.StepId!) =>
                    $"'{reference.Text}' reads step '{reference.StepId}', which step '{context.StepId}' does not depend on (add it to 'depends')",
                _ => null,
            };
            if (problem is not null)
            {
                add(text.PositionOf(reference.Offset), problem + context.Where);
            }
        }
    }

    private sealed record ReferenceContext(
        string? StepId,
        IReadOnlySet<string> Ancestors,
        IEnumerable<string> Steps,
        IReadOnlySet<string> Inputs,
        IEnumerable<string> Env,
        bool ItemAllowed)
    {
        public string Where => StepId is null ? " in the workflow's outputs" : $" in step '{StepId}'";
    }
}
