using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Parsing;
using Maestro.Grains.TestRuns;
using Maestro.Api.Access;
using Maestro.Api.Auditing;
using Microsoft.AspNetCore.Http.Features;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/test-runs</c>: import result files (JUnit XML, TRX, Playwright JSON) into runs, read runs, list a suite's
/// runs, and a run's failure clusters and quality gate. Also maps <see cref="AnalyticsApi"/>. A rejected file answers
/// 400 problem details carrying the parser's reason, line and position (or JSON path); nothing of it is stored.
/// </summary>
public static partial class TestRunsApi
{
    private const int MaxRunIdLength = 128;

    public static IEndpointRouteBuilder MapTestRunsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/test-runs").WithTags("Test runs").RequireAuthorization(MaestroPolicies.Viewer);

        api.MapPost("/{runId}/results", ImportAsync)
            .WithName("ImportTestResults")
            .WithSummary("Import a result file into a run")
            .WithDescription("The file is the raw body, or the 'file' part of a multipart form. format = junit | trx | playwright; suite is required; branch, commit, environment and source describe the run. The file is parsed whole and stored in one write, or rejected with the reason and position.")
            .DisableAntiforgery()
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("test-runs.import", "test-run:{runId}");
        api.MapGet("/", ListRunsAsync)
            .WithName("ListTestRuns")
            .WithSummary("A suite's runs, newest first, a page at a time");
        api.MapGet("/{runId}", GetRunAsync)
            .WithName("GetTestRun")
            .WithSummary("A run: metadata, totals, comparison with the previous run, every test with every attempt");
        api.MapGet("/{runId}/clusters", GetClustersAsync)
            .WithName("GetTestRunClusters")
            .WithSummary("The run's failures grouped by normalised message and exception type, with categories");
        api.MapGet("/{runId}/gate", EvaluateGateAsync)
            .WithName("EvaluateQualityGate")
            .WithSummary("The run checked against the configured quality gate, or against the limits given in the query");

        app.MapAnalyticsApi();
        return app;
    }

    public static async Task<Results<Ok<ResultImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpContext context,
        string runId,
        string? format,
        string? suite,
        string? branch,
        string? commit,
        string? environment,
        string? source,
        IGrainFactory grains,
        IOptions<TestResultsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.Parsing;
        if (ValidateRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        if (string.IsNullOrWhiteSpace(suite))
        {
            return Problem(StatusCodes.Status400BadRequest, "suite is required", "Name the suite the results belong to: ?suite=checkout-e2e.");
        }

        if (!ResultFileParser.TryParseFormat(format, out var resultFormat))
        {
            return Problem(StatusCodes.Status400BadRequest, "format is required", $"format must be junit, trx or playwright; got '{format}'.");
        }

        var upload = await ReadUploadAsync(context, limits.MaxFileBytes);
        if (upload.Problem is { } uploadProblem)
        {
            return uploadProblem;
        }

        IReadOnlyList<TestCaseResult> tests;
        try
        {
            tests = ResultFileParser.Parse(upload.Content!, resultFormat, limits);
        }
        catch (ResultParseException ex)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The result file was rejected",
                detail: $"{upload.FileName}: {ex.Message.TrimEnd('.')}. Nothing was imported.",
                extensions: new Dictionary<string, object?>
                {
                    ["file"] = upload.FileName,
                    ["reason"] = ex.Reason,
                    ["line"] = ex.Line,
                    ["position"] = ex.Position,
                    ["path"] = ex.Path,
                });
        }

        var metadata = new TestRunMetadata(
            suite.Trim(),
            string.IsNullOrWhiteSpace(source) ? $"{resultFormat.ToString().ToLowerInvariant()}-import" : source.Trim(),
            environment?.Trim() ?? string.Empty,
            branch?.Trim() ?? string.Empty,
            commit?.Trim() ?? string.Empty);
        try
        {
            var report = await grains.GetGrain<ITestRunGrain>(runId).Import(new TestRunImport(metadata, resultFormat, upload.FileName, tests));
            return TypedResults.Ok(new ResultImportResponse(runId, upload.FileName, resultFormat, tests.Count, report.Totals, report.InfrastructureFailure, report.Comparison));
        }
        catch (ArgumentException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The import was rejected", ex.Message);
        }
    }

    public static async Task<Results<Ok<RunPage>, ProblemHttpResult>> ListRunsAsync(string? suite, string? branch, int? page, int? pageSize, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (string.IsNullOrWhiteSpace(suite))
        {
            return Problem(StatusCodes.Status400BadRequest, "suite is required", "Runs are listed per suite: ?suite=checkout-e2e[&branch=main][&page=1&pageSize=50].");
        }

        var (number, size) = (page ?? 1, pageSize ?? 50);
        if (number < 1 || size is < 1 or > Grains.Analytics.SuiteHistoryGrain.MaxPageSize)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid page", $"page must be at least 1 and pageSize between 1 and {Grains.Analytics.SuiteHistoryGrain.MaxPageSize}.");
        }

        return TypedResults.Ok(await grains.GetGrain<ISuiteHistoryGrain>(suite.Trim()).ListRuns(branch, number, size));
    }

    public static async Task<Results<Ok<TestRunReport>, NotFound, ProblemHttpResult>> GetRunAsync(string runId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (ValidateRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        var report = await grains.GetGrain<ITestRunGrain>(runId).GetReport();
        return report is null ? TypedResults.NotFound() : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<IReadOnlyList<FailureCluster>>, NotFound, ProblemHttpResult>> GetClustersAsync(string runId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (ValidateRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        var run = grains.GetGrain<ITestRunGrain>(runId);
        return await run.GetReport() is null ? TypedResults.NotFound() : TypedResults.Ok(await run.GetClusters());
    }

    public static async Task<Results<Ok<QualityGateResult>, NotFound, ProblemHttpResult>> EvaluateGateAsync(
        string runId,
        double? minPassRate,
        int? maxNewFailures,
        int? maxFlakyTests,
        double? maxDurationMs,
        IGrainFactory grains,
        IOptions<TestResultsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        if (ValidateRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        // Limits in the query replace the configured ones one by one; the others stay as configured.
        var configured = options.Value.QualityGate;
        var criteria = new QualityGateCriteria(
            minPassRate ?? configured.MinPassRate,
            maxNewFailures ?? configured.MaxNewFailures,
            maxFlakyTests ?? configured.MaxFlakyTests,
            maxDurationMs ?? configured.MaxDurationMs);
        try
        {
            Grains.Analytics.QualityGateEvaluator.Validate(criteria);
        }
        catch (ArgumentException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid gate limits", ex.Message);
        }

        var run = grains.GetGrain<ITestRunGrain>(runId);
        return await run.GetReport() is null ? TypedResults.NotFound() : TypedResults.Ok(await run.EvaluateGate(criteria));
    }

    private static ProblemHttpResult? ValidateRunId(string runId) =>
        runId.Length <= MaxRunIdLength && RunIdPattern().IsMatch(runId)
            ? null
            : Problem(StatusCodes.Status400BadRequest, "Invalid run id", $"A run id is 1 to {MaxRunIdLength} letters, digits, '.', '_' or '-'.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>The file from a multipart form's 'file' part or the raw body, read no further than the limit.</summary>
    private static async Task<(byte[]? Content, string FileName, ProblemHttpResult? Problem)> ReadUploadAsync(HttpContext context, long maxBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // Room for the multipart envelope around a file of the largest accepted size.
            bodySize.MaxRequestBodySize = maxBytes + (1024 * 1024);
        }

        Stream body;
        var fileName = "body";
        // Only multipart is a form here: curl --data-binary labels a raw file application/x-www-form-urlencoded.
        if (context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                return (null, fileName, Problem(StatusCodes.Status400BadRequest, "No file", "The multipart form has no file part; send it as 'file'."));
            }

            fileName = Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : "file";
            if (file.Length > maxBytes)
            {
                return (null, fileName, TooLarge(file.Length, maxBytes));
            }

            body = file.OpenReadStream();
        }
        else
        {
            body = context.Request.Body;
        }

        await using (body)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, fileName, TooLarge(buffer.Length + read, maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), fileName, null);
        }
    }

    private static ProblemHttpResult TooLarge(long size, long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The result file is too large", $"The file is more than {maxBytes} bytes (read {size}); nothing was imported.");

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex RunIdPattern();
}
