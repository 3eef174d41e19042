namespace Maestro.GrainInterfaces.Workflows;

/// <summary>The registered version, or every problem that stopped the registration (then nothing was stored).</summary>
public sealed record TemplateRegistrationResult(TemplateVersion? Template, IReadOnlyList<DefinitionError> Errors);
