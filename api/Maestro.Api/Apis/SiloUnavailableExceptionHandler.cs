using Microsoft.AspNetCore.Diagnostics;

namespace Maestro.Api.Apis;

/// <summary>
/// A grain the host cannot reach (its silo is gone, this silo was declared dead and refuses work, or, in the gateway,
/// no silo gateway answers) answers
/// 503 with problem details naming <see cref="SiloUnavailableException"/>, wherever it happened: checking an API
/// key, appending to the audit log or in an endpoint. Retrying is right: the next call looks the grain up again.
/// </summary>
public sealed class SiloUnavailableExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not SiloUnavailableException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = nameof(SiloUnavailableException), Detail = exception.Message },
        });
    }
}
