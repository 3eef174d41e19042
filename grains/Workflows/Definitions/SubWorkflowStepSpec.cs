namespace Maestro.Grains.Workflows;

/// <summary>Runs a registered template as a child workflow and waits for it; its outputs become the step's outputs.</summary>
public sealed record SubWorkflowStepSpec(
    string Template,
    int? Version,
    IReadOnlyDictionary<string, SourceText> Parameters,
    IReadOnlyDictionary<string, SourceText> Inputs) : StepSpec
{
    public override IEnumerable<SourceText> Expressions() => Parameters.Values.Concat(Inputs.Values);
}
