using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>The persisted template catalog: the latest version of every template by name.</summary>
public sealed class TemplateCatalogState
{
    public Dictionary<string, TemplateSummary> Templates { get; set; } = [];
}
