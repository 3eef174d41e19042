namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>A run to execute: the suite, what it runs against, and how to split and retry it.</summary>
/// <param name="Suite">The suite and the adapter that runs it.</param>
/// <param name="Branch">The branch the run tests.</param>
/// <param name="Commit">The commit the run tests.</param>
/// <param name="Environment">Where the run runs (e.g. <c>ci</c>, <c>staging</c>).</param>
/// <param name="Shards">How many shards to split the listed tests into (at most one per test).</param>
/// <param name="RetriesPerTest">How many more times a failed or errored test is run in its shard; 0 runs each test once.</param>
public sealed record TestRunStartRequest(
    TestSuiteSpec Suite,
    string Branch,
    string Commit,
    string Environment,
    int Shards,
    int RetriesPerTest);
