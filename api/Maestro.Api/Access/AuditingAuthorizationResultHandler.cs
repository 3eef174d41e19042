using Maestro.Grains.Audit;
using Maestro.Api.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Maestro.Api.Access;

/// <summary>
/// Appends an audit record for every request the authorization middleware refuses (401 without a valid key, 403 for
/// a role too low), then lets the default handler answer. The record is stored before the answer is sent.
/// </summary>
public sealed class AuditingAuthorizationResultHandler(IAuditLog auditLog, TimeProvider timeProvider) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler defaultHandler = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var status = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            await auditLog.AppendAsync(AuditEntries.Denial(context, status, timeProvider.GetUtcNow()));
        }

        await defaultHandler.HandleAsync(next, context, policy, authorizeResult);
    }
}
