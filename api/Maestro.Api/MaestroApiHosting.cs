using System.Text.Json;
using System.Text.Json.Serialization;
using Maestro.Api.Access;
using Maestro.Grains.Audit;
using Microsoft.OpenApi;

namespace Maestro.Api;

/// <summary>
/// Adds and maps the REST API a host shares with every other host of it: the silo co-hosts it, the gateway serves it
/// over <c>Maestro.Client</c>. Each host adds its own <c>/health</c> (and the silo its silo-only endpoints) and
/// registers <see cref="IAuditLog"/> with its options (<c>AddAuditLog</c> in a silo, <c>AddAuditLogClient</c> elsewhere).
/// </summary>
public static class MaestroApiHosting
{
    /// <summary>
    /// API-key access with the role policies and audited denials; problem details for every error (a bad body or
    /// parameter names the field, an unreachable silo is 503); enums as camelCase strings; the OpenAPI document.
    /// </summary>
    public static IServiceCollection AddMaestroApi(this IServiceCollection services, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        services.AddMaestroAccess();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<SiloUnavailableExceptionHandler>();
        // Bad bodies and parameters throw, so BadRequestExceptionHandler can name the field in a validation problem.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = title, Version = "v1", Description = description };
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// The middleware the API needs, in order: errors as problem details, then authentication and authorization inside
    /// the exception handler (left out, the host would add them first, outside it).
    /// </summary>
    public static WebApplication UseMaestroApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The OpenAPI document and the shared endpoints: test runs and analytics, workflows, templates, services, keys, audit.</summary>
    public static IEndpointRouteBuilder MapMaestroApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        app.MapTestRunsApi();
        app.MapWorkflowsApi().MapTemplatesApi();
        app.MapServicesApi(app.ServiceProvider.GetRequiredService<IOptions<AuditOptions>>().Value.AuditHeartbeats);
        app.MapKeysApi();
        app.MapAuditApi();
        app.MapHealingApi();
        return app;
    }
}
