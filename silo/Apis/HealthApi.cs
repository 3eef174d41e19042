namespace Maestro.Silo.Apis;

/// <summary><c>GET /health</c>: the liveness and readiness probe of the silo. It needs no credentials.</summary>
public static class HealthApi
{
    public const string Healthy = "Healthy";

    public const string Unhealthy = "Unhealthy";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/health")
            .WithTags("Health")
            .AllowAnonymous();

        api.MapGet(string.Empty, GetHealth)
            .WithName("GetHealth")
            .WithSummary("Liveness and readiness of this silo")
            .WithDescription("200 with status Healthy once the silo has started (storage ready, grains may run) and, in cluster mode, is an Active member; 503 with status Unhealthy otherwise. In cluster mode it also reports the silo's address and membership status.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> GetHealth(
        ISiloStatus status,
        IOptions<ClusterOptions> cluster,
        TimeProvider timeProvider,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var startedAt = status.StartedAt;
        var uptime = startedAt is { } started ? Math.Max(0, (timeProvider.GetUtcNow() - started).TotalSeconds) : 0;
        var membership = context.RequestServices.GetService<IClusterMembershipStatus>();
        var clusterHealth = membership is null ? null : ClusterHealth.From(membership);
        var healthy = startedAt is not null && clusterHealth is null or { Status: "Active" };
        var response = new HealthResponse(
            healthy ? Healthy : Unhealthy,
            status.SiloName,
            cluster.Value.ServiceId,
            cluster.Value.ClusterId,
            startedAt,
            Math.Round(uptime, 3),
            status.ActivationCount,
            clusterHealth);

        return !healthy
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
