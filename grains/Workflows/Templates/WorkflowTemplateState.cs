using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>The persisted versions of one template, oldest first.</summary>
public sealed class WorkflowTemplateState
{
    public List<TemplateVersion> Versions { get; set; } = [];
}
