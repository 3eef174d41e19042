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
            .WithDescription("200 with status Healthy once the silo has started (storage ready, grains may run); 503 with status Unhealthy before.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> GetHealth(
        ISiloStatus status,
        IOptions<ClusterOptions> cluster,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var startedAt = status.StartedAt;
        var uptime = startedAt is { } started ? Math.Max(0, (timeProvider.GetUtcNow() - started).TotalSeconds) : 0;
        var response = new HealthResponse(
            startedAt is null ? Unhealthy : Healthy,
            status.SiloName,
            cluster.Value.ServiceId,
            cluster.Value.ClusterId,
            startedAt,
            Math.Round(uptime, 3),
            status.ActivationCount);

        return startedAt is null
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }
}
