namespace Maestro.Silo.Apis;

/// <summary>
/// <c>/api/cluster</c>: read-only diagnostics of cluster membership, mapped only in cluster mode (<c>--postgres</c>).
/// Like <c>/health</c>, which shows the same view, it needs no key: it must answer while the cluster fails over, when
/// the grain that checks a key may sit on the silo that just stopped answering.
/// </summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/cluster").WithTags("Cluster");

        api.MapGet("/silos", GetSilos)
            .WithName("GetClusterSilos")
            .WithSummary("This silo's view of the cluster")
            .WithDescription("This silo's address and membership status, the membership version it has read and the silos that view shows Active.");

        return app;
    }

    public static Ok<ClusterHealth> GetSilos(IClusterMembershipStatus membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return TypedResults.Ok(ClusterHealth.From(membership));
    }
}
