using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Silo.Model;

/// <summary>
/// <c>POST /api/test-runs/{runId}/execution</c>: the suite to run and what the run tests (branch, commit, environment;
/// empty when left out), split into <paramref name="Shards"/> (default 1) with <paramref name="RetriesPerTest"/> more
/// attempts for a failed test (default 0).
/// </summary>
public sealed record StartTestRunRequest(
    TestSuiteSpec? Suite,
    string? Branch,
    string? Commit,
    string? Environment,
    int? Shards,
    int? RetriesPerTest);
