namespace Maestro.Api.Auditing;

/// <summary><c>.Audited(action, target)</c> for endpoints that change something.</summary>
public static class AuditingEndpointExtensions
{
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, string targetTemplate)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new AuditedAction(action, targetTemplate)).AddEndpointFilter<AuditEndpointFilter>();
    }
}
