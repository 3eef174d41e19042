using System.Reflection;

namespace Maestro.Silo.Apis;

/// <summary>
/// <c>POST /test-support/grains/{interface}/{key}/{method}</c>: calls a parameterless method of a grain interface from
/// the assembly given with <c>--grain-assembly</c>, so multi-process tests can drive grains over HTTP. Mapped only
/// when that option is present; it is test support, never for production. Only interfaces declared in that assembly
/// (by simple or full name) and public parameterless methods returning <c>Task</c> or <c>Task&lt;T&gt;</c> are callable.
/// A call to an unreachable silo answers 503 and a state conflict (<c>InconsistentStateException</c>) 409, both as
/// problem details naming the exception type; any other failure is a 500. It needs an operator key like any change.
/// </summary>
public static class TestSupportApi
{
    public static IEndpointRouteBuilder MapTestSupportApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/test-support").WithTags("Test support").ExcludeFromDescription()
            .RequireAuthorization(Maestro.Api.Access.MaestroPolicies.Operator);
        api.MapPost("/grains/{interfaceName}/{key}/{method}", CallGrainAsync).WithName("CallTestGrain");
        return app;
    }

    public static async Task<Results<Ok<GrainCallResponse>, NotFound<string>, ProblemHttpResult>> CallGrainAsync(
        string interfaceName,
        string key,
        string method,
        IOptions<MaestroOptions> options,
        IGrainFactory grains,
        ISiloStatus silo)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(silo);
        var path = options.Value.GrainAssembly
            ?? throw new InvalidOperationException("The test-support API is mapped only with --grain-assembly.");
        var assembly = AppDomain.CurrentDomain.GetAssemblies()
            .First(a => !a.IsDynamic && string.Equals(a.Location, path, StringComparison.Ordinal));
        var grainInterface = assembly.GetExportedTypes().FirstOrDefault(t =>
            t.IsInterface && typeof(IGrain).IsAssignableFrom(t)
            && (string.Equals(t.Name, interfaceName, StringComparison.Ordinal) || string.Equals(t.FullName, interfaceName, StringComparison.Ordinal)));
        if (grainInterface is null)
        {
            return TypedResults.NotFound($"No grain interface '{interfaceName}' in the test grain assembly.");
        }

        var target = grainInterface.GetMethod(method, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (target is null || !typeof(Task).IsAssignableFrom(target.ReturnType))
        {
            return TypedResults.NotFound($"No parameterless method '{method}' returning a Task on {grainInterface.Name}.");
        }

        var grain = grains.GetGrain(grainInterface, key);
        try
        {
            var task = (Task)target.Invoke(grain, null)!;
            await task;
            var value = target.ReturnType.IsGenericType ? target.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            return TypedResults.Ok(new GrainCallResponse(value, silo.SiloName));
        }
        catch (SiloUnavailableException ex)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, ex);
        }
        catch (InconsistentStateException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex);
        }
    }

    private static ProblemHttpResult Problem(int status, Exception exception) =>
        TypedResults.Problem(detail: exception.Message, statusCode: status, title: exception.GetType().Name);
}
