namespace Maestro.GrainInterfaces.Workflows;

/// <summary>Either the started workflow or every problem that stopped it from starting (then nothing was stored).</summary>
public sealed record WorkflowStartResult(WorkflowSnapshot? Workflow, IReadOnlyList<DefinitionError> Errors)
{
    public bool Started => Workflow is not null && Errors.Count == 0;
}
