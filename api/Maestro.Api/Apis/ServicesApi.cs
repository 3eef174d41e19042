using Maestro.GrainInterfaces.Registry;
using Maestro.Grains.Registry;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/services</c>: the service registry. Reads need a viewer key; register, heartbeat and deregister an
/// operator key. Registration and deregistration are audited; heartbeats are audited only with
/// <c>Maestro:Audit:AuditHeartbeats</c> (they are liveness signals and would outnumber every other record).
/// </summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app, bool auditHeartbeats)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/services").WithTags("Services").RequireAuthorization(MaestroPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost(string.Empty, RegisterAsync)
            .WithName("RegisterService")
            .WithSummary("Register a service, or replace its registration")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("services.register", "service:{name}");

        var heartbeat = api.MapPost("/{name}/heartbeat", HeartbeatAsync)
            .WithName("ServiceHeartbeat")
            .WithSummary("Record a heartbeat; without one for the heartbeat timeout the service expires")
            .RequireAuthorization(MaestroPolicies.Operator);
        if (auditHeartbeats)
        {
            heartbeat.Audited("services.heartbeat", "service:{name}");
        }

        api.MapGet(string.Empty, ListAsync)
            .WithName("ListServices")
            .WithSummary("Discover services by name, tags (all must match) and status, ordered by name");

        api.MapGet("/{name}", GetAsync)
            .WithName("GetService")
            .WithSummary("A registered service with its status, last heartbeat and last probe");

        api.MapGet("/{name}/history", HistoryAsync)
            .WithName("GetServiceHistory")
            .WithSummary("The service's status changes, oldest first (the newest are kept, up to the history limit)");

        api.MapDelete("/{name}", DeregisterAsync)
            .WithName("DeregisterService")
            .WithSummary("Remove a service from the registry")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("services.deregister", "service:{name}");

        return app;
    }

    public static async Task<Results<Created<ServiceSnapshot>, Ok<ServiceSnapshot>, ValidationProblem>> RegisterAsync(
        RegisterServiceRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        var validation = ServiceRegistrationValidator.Validate(
            request.Name, request.Version, request.BaseUrl, request.HealthEndpoint, request.Tags, request.Metadata, request.Port);
        if (validation.Registration is not { } registration)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var result = await grains.GetGrain<IServiceGrain>(registration.Name).RegisterAsync(registration);
        return result.Created
            ? TypedResults.Created($"/api/services/{registration.Name}", result.Service)
            : TypedResults.Ok(result.Service);
    }

    public static async Task<Results<Ok<HeartbeatAck>, ProblemHttpResult, ValidationProblem>> HeartbeatAsync(string name, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (InvalidName(name) is { } invalid)
        {
            return invalid;
        }

        var ack = await grains.GetGrain<IServiceGrain>(name).HeartbeatAsync();
        return ack is null ? NotRegistered(name) : TypedResults.Ok(ack);
    }

    public static async Task<Results<Ok<ServiceSnapshot>, ProblemHttpResult, ValidationProblem>> GetAsync(string name, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (InvalidName(name) is { } invalid)
        {
            return invalid;
        }

        var service = await grains.GetGrain<IServiceGrain>(name).GetAsync();
        return service is null ? NotRegistered(name) : TypedResults.Ok(service);
    }

    public static async Task<Results<Ok<Page<ServiceIndexEntry>>, ValidationProblem>> ListAsync(
        IGrainFactory grains,
        string? name = null,
        string[]? tag = null,
        string? status = null,
        int offset = 0,
        int limit = Paging.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Paging.Validate(offset, limit, errors);
        ServiceStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<ServiceStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status: use healthy, degraded, unhealthy or expired."];
            }
        }

        foreach (var t in tag ?? [])
        {
            if (!ServiceRegistrationValidator.IsValidTag(t))
            {
                errors["tag"] = [$"'{t}' is not a valid tag."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var entries = await grains.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).QueryAsync(new ServiceQuery(name, tag, wanted));
        return TypedResults.Ok(Page<ServiceIndexEntry>.Of(entries, offset, limit));
    }

    public static async Task<Results<Ok<Page<StatusChange>>, ProblemHttpResult, ValidationProblem>> HistoryAsync(
        string name, IGrainFactory grains, int offset = 0, int limit = Paging.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Paging.Validate(offset, limit, errors);
        if (InvalidName(name) is { } invalid)
        {
            return invalid;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var grain = grains.GetGrain<IServiceGrain>(name);
        if (await grain.GetAsync() is null)
        {
            return NotRegistered(name);
        }

        return TypedResults.Ok(Page<StatusChange>.Of(await grain.GetHistoryAsync(), offset, limit));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeregisterAsync(string name, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (InvalidName(name) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<IServiceGrain>(name).DeregisterAsync() ? TypedResults.NoContent() : NotRegistered(name);
    }

    private static ValidationProblem? InvalidName(string name) =>
        ServiceRegistrationValidator.IsValidName(name)
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{name}' is not a valid service name."] });

    private static ProblemHttpResult NotRegistered(string name) =>
        TypedResults.Problem(detail: $"No service named '{name}' is registered.", statusCode: StatusCodes.Status404NotFound, title: "Service not registered");
}
