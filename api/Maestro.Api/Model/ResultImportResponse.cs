using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Api.Model;

/// <summary>What an import added to a run, and where the run stands after it. The whole run is at <c>GET /api/test-runs/{runId}</c>.</summary>
public sealed record ResultImportResponse(
    string RunId,
    string File,
    ResultFormat Format,
    int TestsInFile,
    TestRunTotals Totals,
    bool InfrastructureFailure,
    RunComparison? Comparison);
