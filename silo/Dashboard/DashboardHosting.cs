using Maestro.GrainInterfaces.Access;
using Maestro.Runtime.Statistics;
using Maestro.Api.Access;
using Maestro.Silo.Dashboard.Statistics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Maestro.Silo.Dashboard;

/// <summary>Adds the dashboard's services and maps it under <c>/dashboard</c>.</summary>
public static class DashboardHosting
{
    /// <summary>
    /// Registers the sign-in sessions, the log tail, the statistics reader and the cookie scheme with its policies, and
    /// gives the runtime the statistics window from <c>Maestro:Dashboard</c>.
    /// </summary>
    /// <exception cref="SiloConfigurationException">A dashboard setting is out of range; the message names it.</exception>
    public static IServiceCollection AddMaestroDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = MaestroOptionsLoader.LoadSection<DashboardOptions>(configuration, DashboardOptions.SectionName, o => o.Validate());
        services.AddSingleton(Options.Create(options));
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
