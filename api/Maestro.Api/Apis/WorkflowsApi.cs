using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/workflows</c>: validate and start workflows (from YAML or a template), list them, read one with its steps,
/// journal and critical path, pause, resume, cancel, and answer approval steps; <c>/api/workflow-events</c>: the
/// events published by <c>publish</c> steps. Invalid definitions answer 400 problem details listing every problem
/// with file, line and column; a transition the workflow is not in a state for answers 409.
/// </summary>
public static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Reads (and validating a definition, which changes nothing) need a viewer key; anything that changes a workflow
        // an operator key, and is audited.
        var api = app.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(MaestroPolicies.Viewer);
        api.MapPost(string.Empty, StartAsync).WithName("StartWorkflow").WithSummary("Validate and start a workflow from YAML or a template")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("workflows.start", "workflows");
        api.MapPost("/validate", Validate).WithName("ValidateWorkflow").WithSummary("Validate a definition without running it");
        api.MapGet(string.Empty, ListAsync).WithName("ListWorkflows").WithSummary("Workflow instances, newest first, optionally by status");
        api.MapGet("/{id}", GetAsync).WithName("GetWorkflow").WithSummary("A workflow with its steps, outputs and critical path");
        api.MapGet("/{id}/journal", GetJournalAsync).WithName("GetWorkflowJournal").WithSummary("Every recorded transition, in order");
        api.MapPost("/{id}/pause", (string id, IGrainFactory grains) => TransitionAsync(id, grains, g => g.Pause())).WithName("PauseWorkflow")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("workflows.pause", "workflow:{id}");
        api.MapPost("/{id}/resume", (string id, IGrainFactory grains) => TransitionAsync(id, grains, g => g.Resume())).WithName("ResumeWorkflow")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("workflows.resume", "workflow:{id}");
        api.MapPost("/{id}/cancel", (string id, CancelWorkflowRequest? request, IGrainFactory grains) =>
            TransitionAsync(id, grains, g => g.Cancel(request?.Reason ?? "cancelled through the API"))).WithName("CancelWorkflow")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("workflows.cancel", "workflow:{id}");
        api.MapPost("/{id}/steps/{stepId}/approval", ApproveAsync).WithName("ApproveWorkflowStep").WithSummary("Approve or reject a manual approval step")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("workflows.approve", "workflow:{id}/step:{stepId}");

        app.MapGroup("/api/workflow-events").WithTags("Workflows").RequireAuthorization(MaestroPolicies.Viewer)
            .MapGet("/{stream}", ReadEventsAsync).WithName("ReadWorkflowEvents").WithSummary("Events published by workflow steps to a stream");
        return app;
    }

    public static async Task<Results<Created<WorkflowSnapshot>, ProblemHttpResult>> StartAsync(StartWorkflowRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        var id = request.Id ?? $"wf-{Guid.NewGuid():N}";
        if (id.Length is 0 or > 200 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return DefinitionProblems.BadRequest("id must be 1 to 200 letters, digits, '-', '_' or '.'");
        }

        string yaml;
        string fileName;
        if (request.Yaml is { } text && request.Template is null)
        {
            yaml = text;
            fileName = string.IsNullOrWhiteSpace(request.FileName) ? "workflow.yaml" : request.FileName;
        }
        else if (request.Template is { } template && request.Yaml is null)
        {
            var rendered = await grains.GetGrain<IWorkflowTemplateGrain>(template).Render(request.TemplateVersion, request.Parameters ?? []);
            if (rendered.Yaml is null)
            {
                return DefinitionProblems.From($"Template '{template}' cannot be used with these parameters", rendered.Errors);
            }

            yaml = rendered.Yaml;
            fileName = $"{template}@v{rendered.Version}";
        }
        else
        {
            return DefinitionProblems.BadRequest("give either 'yaml' or 'template', not both and not neither");
        }

        var result = await grains.GetGrain<IWorkflowGrain>(id).Start(new WorkflowStartRequest(yaml, fileName, request.Inputs ?? [], request.Env ?? []));
        return result.Started
            ? TypedResults.Created($"/api/workflows/{Uri.EscapeDataString(id)}", result.Workflow!)
            : DefinitionProblems.From("The workflow definition is invalid", result.Errors);
    }

    public static Results<Ok<ValidationResponse>, ProblemHttpResult> Validate(ValidateWorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Yaml is null)
        {
            return DefinitionProblems.BadRequest("'yaml' is required");
        }

        var (_, errors) = WorkflowDefinitionLoader.Load(request.Yaml, string.IsNullOrWhiteSpace(request.FileName) ? "workflow.yaml" : request.FileName);
        return TypedResults.Ok(new ValidationResponse(errors.Count == 0, errors));
    }

    public static async Task<Results<Ok<ResultPage<WorkflowSummary>>, ProblemHttpResult>> ListAsync(string? status, int? offset, int? limit, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (DefinitionProblems.CheckPage(offset, limit, out var from, out var count) is { } problem)
        {
            return problem;
        }

        WorkflowStatus? filter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var parsed) || parsed == WorkflowStatus.NotStarted || !Enum.IsDefined(parsed))
            {
                return DefinitionProblems.BadRequest($"status must be one of Running, Paused, Completed, Failed, Cancelled; not '{status}'");
            }

            filter = parsed;
        }

        return TypedResults.Ok(await grains.GetGrain<IWorkflowIndexGrain>(IWorkflowIndexGrain.Key).List(filter, from, count));
    }

    public static async Task<Results<Ok<WorkflowSnapshot>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var snapshot = await grains.GetGrain<IWorkflowGrain>(id).GetSnapshot();
        return snapshot.Status == WorkflowStatus.NotStarted ? NotFound(id) : TypedResults.Ok(snapshot);
    }

    public static async Task<Results<Ok<ResultPage<JournalEntry>>, ProblemHttpResult>> GetJournalAsync(string id, int? offset, int? limit, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (DefinitionProblems.CheckPage(offset, limit, out var from, out var count) is { } problem)
        {
            return problem;
        }

        var grain = grains.GetGrain<IWorkflowGrain>(id);
        if ((await grain.GetSnapshot()).Status == WorkflowStatus.NotStarted)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await grain.GetJournal(from, count));
    }

    public static Task<Results<Ok<WorkflowSnapshot>, ProblemHttpResult>> ApproveAsync(string id, string stepId, ApproveStepRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Approver))
        {
            return Task.FromResult<Results<Ok<WorkflowSnapshot>, ProblemHttpResult>>(DefinitionProblems.BadRequest("'approver' is required"));
        }

        return TransitionAsync(id, grains, g => g.Approve(stepId, new ApprovalDecision(request.Approver, request.Approved, request.Comment)));
    }

    public static async Task<Results<Ok<ResultPage<WorkflowEvent>>, ProblemHttpResult>> ReadEventsAsync(string stream, int? offset, int? limit, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (DefinitionProblems.CheckPage(offset, limit, out var from, out var count) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await grains.GetGrain<IWorkflowEventLogGrain>(stream).Read(from, count));
    }

    private static async Task<Results<Ok<WorkflowSnapshot>, ProblemHttpResult>> TransitionAsync(string id, IGrainFactory grains, Func<IWorkflowGrain, Task<WorkflowSnapshot>> transition)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var grain = grains.GetGrain<IWorkflowGrain>(id);
        if ((await grain.GetSnapshot()).Status == WorkflowStatus.NotStarted)
        {
            return NotFound(id);
        }

        try
        {
            return TypedResults.Ok(await transition(grain));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(title: "Not possible in the workflow's current state", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Workflow not found", detail: $"No workflow has id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
