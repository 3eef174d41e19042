namespace Maestro.GrainInterfaces.Workflows;

/// <summary>A registered template's name and its latest version number.</summary>
public sealed record TemplateSummary(string Name, int LatestVersion, DateTimeOffset UpdatedAt);
