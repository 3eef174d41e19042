using Maestro.GrainInterfaces.Workflows;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/templates</c>: register versioned workflow templates with <c>{{NAME}}</c> parameters (validated on
/// registration: 400 problem details with every problem's position), list them, read versions, render one.
/// </summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(MaestroPolicies.Viewer);
        api.MapPost(string.Empty, RegisterAsync).WithName("RegisterTemplate").WithSummary("Validate and store a new version of a template")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("templates.register", "templates");
        api.MapGet(string.Empty, ListAsync).WithName("ListTemplates").WithSummary("Registered templates by name, with their latest version");
        api.MapGet("/{name}", GetVersionsAsync).WithName("GetTemplateVersions").WithSummary("Every version of a template");
        api.MapGet("/{name}/versions/{version:int}", GetVersionAsync).WithName("GetTemplateVersion");
        api.MapPost("/{name}/render", RenderAsync).WithName("RenderTemplate").WithSummary("Substitute parameters and validate the resulting workflow");
        return app;
    }

    public static async Task<Results<Created<TemplateVersion>, Ok<TemplateVersion>, ProblemHttpResult>> RegisterAsync(RegisterTemplateRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Yaml is null)
        {
            return DefinitionProblems.BadRequest("'name' and 'yaml' are required");
        }

        var grain = grains.GetGrain<IWorkflowTemplateGrain>(request.Name);
        var before = (await grain.GetVersion(null))?.Version ?? 0;
        var result = await grain.Register(new TemplateRegistration(request.Yaml, request.Parameters ?? [], request.Description));
        if (result.Template is not { } version)
        {
            return DefinitionProblems.From($"Template '{request.Name}' is invalid", result.Errors);
        }

        return version.Version > before
            ? TypedResults.Created($"/api/templates/{Uri.EscapeDataString(request.Name)}/versions/{version.Version}", version)
            : TypedResults.Ok(version);
    }

    public static async Task<Results<Ok<ResultPage<TemplateSummary>>, ProblemHttpResult>> ListAsync(int? offset, int? limit, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (DefinitionProblems.CheckPage(offset, limit, out var from, out var count) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await grains.GetGrain<ITemplateCatalogGrain>(ITemplateCatalogGrain.Key).List(from, count));
    }

    public static async Task<Results<Ok<IReadOnlyList<TemplateVersion>>, ProblemHttpResult>> GetVersionsAsync(string name, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var versions = await grains.GetGrain<IWorkflowTemplateGrain>(name).Versions();
        return versions.Count == 0 ? NotFound($"No template is named '{name}'.") : TypedResults.Ok(versions);
    }

    public static async Task<Results<Ok<TemplateVersion>, ProblemHttpResult>> GetVersionAsync(string name, int version, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return await grains.GetGrain<IWorkflowTemplateGrain>(name).GetVersion(version) is { } found
            ? TypedResults.Ok(found)
            : NotFound($"Template '{name}' has no version {version}.");
    }

    public static async Task<Results<Ok<RenderedTemplate>, ProblemHttpResult>> RenderAsync(string name, RenderTemplateRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        var grain = grains.GetGrain<IWorkflowTemplateGrain>(name);
        if (await grain.GetVersion(request.Version) is null)
        {
            return NotFound(request.Version is null ? $"No template is named '{name}'." : $"Template '{name}' has no version {request.Version}.");
        }

        var rendered = await grain.Render(request.Version, request.Parameters ?? []);
        return rendered.Yaml is null
            ? DefinitionProblems.From($"Template '{name}' cannot be rendered with these parameters", rendered.Errors)
            : TypedResults.Ok(new RenderedTemplate(name, rendered.Version, rendered.Yaml));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Template not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
