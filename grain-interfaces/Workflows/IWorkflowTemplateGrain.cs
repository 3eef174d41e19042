using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>A named template and all its versions (key: the template name). Versions are numbered from 1 and never change.</summary>
public interface IWorkflowTemplateGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and stores a new version. Registering the same YAML, parameters and description as the latest version
    /// returns that version instead of adding one.
    /// </summary>
    Task<TemplateRegistrationResult> Register(TemplateRegistration registration);

    /// <summary>One version, the latest when <paramref name="version"/> is null; null when there is none.</summary>
    Task<TemplateVersion?> GetVersion(int? version);

    Task<IReadOnlyList<TemplateVersion>> Versions();

    /// <summary>Substitutes the parameters (defaults for the ones not given) into a version and validates the result.</summary>
    Task<TemplateRenderResult> Render(int? version, IReadOnlyDictionary<string, string> parameters);
}
