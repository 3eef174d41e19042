using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;

namespace Maestro.Grains.Workflows;

/// <summary>A named template's versions; a version is validated before it is stored and never changes after.</summary>
public sealed class WorkflowTemplateGrain([PersistentState("template")] IPersistentState<WorkflowTemplateState> template, TimeProvider timeProvider)
    : Grain, IWorkflowTemplateGrain
{
    private string Name => this.GetPrimaryKeyString();

    public async Task<TemplateRegistrationResult> Register(TemplateRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = TemplateValidator.ValidateRegistration(Name, registration);
        if (errors.Count > 0)
        {
            return new TemplateRegistrationResult(null, errors);
        }

        if (template.State.Versions.LastOrDefault() is { } latest && latest.Yaml == registration.Yaml
            && latest.Description == registration.Description && latest.Parameters.SequenceEqual(registration.Parameters))
        {
            return new TemplateRegistrationResult(latest, []);
        }

        var version = new TemplateVersion(Name, template.State.Versions.Count + 1, registration.Yaml, [.. registration.Parameters], registration.Description, timeProvider.GetUtcNow());
        template.State.Versions.Add(version);
        await template.WriteStateAsync();
        await GrainFactory.GetGrain<ITemplateCatalogGrain>(ITemplateCatalogGrain.Key).Record(new TemplateSummary(Name, version.Version, version.RegisteredAt));
        return new TemplateRegistrationResult(version, []);
    }

    public Task<TemplateVersion?> GetVersion(int? version) => Task.FromResult(Find(version));

    public Task<IReadOnlyList<TemplateVersion>> Versions() => Task.FromResult<IReadOnlyList<TemplateVersion>>(template.State.Versions.ToList());

    public Task<TemplateRenderResult> Render(int? version, IReadOnlyDictionary<string, string> parameters)
    {
        if (Find(version) is not { } found)
        {
            var what = version is null ? "has no versions" : $"has no version {version}";
            return Task.FromResult(new TemplateRenderResult(null, version ?? 0, [new DefinitionError(Name, 1, 1, $"template '{Name}' {what}")]));
        }

        var (yaml, errors) = TemplateValidator.Render(found, parameters);
        return Task.FromResult(new TemplateRenderResult(yaml, found.Version, errors));
    }

    private TemplateVersion? Find(int? version) =>
        version is null ? template.State.Versions.LastOrDefault() : template.State.Versions.FirstOrDefault(v => v.Version == version);
}
