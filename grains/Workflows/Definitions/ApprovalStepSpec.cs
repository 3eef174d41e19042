namespace Maestro.Grains.Workflows;

/// <summary>Waits for a person to approve or reject it through the API.</summary>
public sealed record ApprovalStepSpec(string? Prompt) : StepSpec
{
    public override IEnumerable<SourceText> Expressions() => [];
}
