namespace Maestro.Grains.Workflows;

/// <summary>A parsed workflow definition. Only <see cref="WorkflowDefinitionLoader"/> hands out one that passed validation.</summary>
public sealed record WorkflowDefinition(
    string Name,
    string? Description,
    TimeSpan? Timeout,
    IReadOnlyList<InputDefinition> Inputs,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyDictionary<string, SourceText> Outputs,
    IReadOnlyList<StepDefinition> Steps);
