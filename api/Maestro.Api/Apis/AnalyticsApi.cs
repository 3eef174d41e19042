using Maestro.GrainInterfaces.Analytics;
using Maestro.Api.Access;

namespace Maestro.Api.Apis;

/// <summary><c>/api/analytics</c>: a test's history and statistics, a suite's flaky tests and its trend per branch.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/analytics").WithTags("Test analytics").RequireAuthorization(MaestroPolicies.Viewer);

        api.MapGet("/suites/{suite}/history", GetTestHistoryAsync)
            .WithName("GetTestHistory")
            .WithSummary("A test's history (?testId=...), pass rate, duration statistics, trends per branch and flaky verdict");
        api.MapGet("/suites/{suite}/flaky", GetFlakyTestsAsync)
            .WithName("GetFlakyTests")
            .WithSummary("The suite's flaky and broken tests with their evidence (?branch= limits it to one branch)");
        api.MapGet("/suites/{suite}/trend", GetTrendAsync)
            .WithName("GetSuiteTrend")
            .WithSummary("The suite's runs on a branch (?branch=main), oldest first: pass rate, duration, failures, flaky tests");
        return app;
    }

    public static async Task<Results<Ok<TestHistoryReport>, ProblemHttpResult>> GetTestHistoryAsync(string suite, string? testId, string? branch, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (string.IsNullOrWhiteSpace(testId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "testId is required", detail: "Name the test: ?testId=com.acme.CartTest.addsItem.");
        }

        return TypedResults.Ok(await grains.GetGrain<ITestHistoryGrain>(TestHistoryKey.For(suite, testId)).GetReport(branch));
    }

    public static async Task<Ok<IReadOnlyList<FlakyTest>>> GetFlakyTestsAsync(string suite, string? branch, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return TypedResults.Ok(await grains.GetGrain<ISuiteHistoryGrain>(suite).GetFlakyTests(branch));
    }

    public static async Task<Results<Ok<IReadOnlyList<TrendPoint>>, ProblemHttpResult>> GetTrendAsync(string suite, string? branch, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (branch is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "branch is required", detail: "Trends are per branch: ?branch=main.");
        }

        return TypedResults.Ok(await grains.GetGrain<ISuiteHistoryGrain>(suite).GetTrend(branch));
    }
}
