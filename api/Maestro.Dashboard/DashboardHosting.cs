using Maestro.Api.Access;
using Maestro.Dashboard.Statistics;
using Maestro.GrainInterfaces.Access;
using Maestro.Runtime.Statistics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Maestro.Dashboard;

/// <summary>Adds the dashboard's services and maps it under <c>/dashboard</c>, in a silo or in the gateway alike.</summary>
public static class DashboardHosting
{
    /// <summary>
    /// Registers the sign-in sessions (grains), the log tail of this process, the statistics reader and the cookie
    /// scheme with its policies, and gives a silo's runtime the statistics window. <paramref name="options"/> are
    /// validated by the host (<see cref="DashboardOptions.Validate"/>) so a bad one stops it with the host's own error line.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The dashboard's settings, already validated.</param>
    /// <param name="hostFactory">Which process this is, resolved when the page first asks (a silo's name is known only once it runs).</param>
    public static IServiceCollection AddMaestroDashboard(this IServiceCollection services, DashboardOptions options, Func<IServiceProvider, DashboardHost> hostFactory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostFactory);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(hostFactory.Invoke);
        services.Configure<GrainCallStatisticsOptions>(o => o.CollectionWindow = options.StatisticsWindow);
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<DashboardLogBuffer>();
        services.AddSingleton<ILoggerProvider, DashboardLoggerProvider>();
        services.AddSingleton<ClusterStatisticsReader>();
        services.Configure<AuthenticationOptions>(o =>
            o.AddScheme<DashboardAuthenticationHandler>(DashboardAuthenticationHandler.SchemeName, DashboardAuthenticationHandler.SchemeName));
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPaths.ViewerPolicy, p => RequireRole(p, ApiRole.Viewer))
            .AddPolicy(DashboardPaths.OperatorPolicy, p => RequireRole(p, ApiRole.Operator))
            .AddPolicy(DashboardPaths.AdminPolicy, p => RequireRole(p, ApiRole.Admin));
        return services;
    }

    /// <summary>Maps the sign-in page, the app shell and its assets, and the JSON endpoints; all but sign-in need a session.</summary>
    public static IEndpointRouteBuilder MapMaestroDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dashboard = app.MapGroup(DashboardPaths.Root).ExcludeFromDescription().RequireAuthorization(DashboardPaths.ViewerPolicy);
        // "/dashboard" and "/dashboard/" are one route; every URL the page uses is absolute, so either works.
        dashboard.MapGet("/", (DashboardAssets assets) => DashboardAssets.Serve(assets.Get("index.html")));
        dashboard.MapGet("/assets/{name}", (string name, DashboardAssets assets) =>
            assets.TryGet(name, out var asset) && !asset.Name.StartsWith("sign-in", StringComparison.Ordinal)
                ? DashboardAssets.Serve(asset)
                : Results.NotFound());
        DashboardSignIn.Map(dashboard);
        DashboardApi.Map(dashboard);
        return app;
    }

    private static void RequireRole(AuthorizationPolicyBuilder policy, ApiRole minimum) =>
        policy.AddAuthenticationSchemes(DashboardAuthenticationHandler.SchemeName).RequireRole(MaestroPolicies.RolesAtLeast(minimum));
}
