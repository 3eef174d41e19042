using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>Runs tests of one kind (browser journeys on one driver, or a framework's command) and reports every test.</summary>
/// <remarks>
/// Adapters are registered as silo services and chosen by <see cref="Name"/>. The test run grain lists the suite,
/// shards it, runs each shard through the adapter on some silo, retries what failed and keeps every attempt; an
/// adapter only runs what it is given, once.
/// </remarks>
public interface ITestAdapter
{
    /// <summary>The name a suite asks for (<see cref="TestSuiteSpec.Adapter"/>).</summary>
    string Name { get; }

    /// <summary>The suite's test ids, for sharding; null when the adapter cannot list them before running, and the suite then runs as one shard.</summary>
    Task<IReadOnlyList<string>?> ListTestsAsync(TestSuiteSpec suite, CancellationToken cancellationToken);

    /// <summary>Runs the given tests once (every test when <paramref name="testIds"/> is null) and returns one result per test that ran.</summary>
    Task<IReadOnlyList<TestCaseResult>> RunAsync(
        TestSuiteSpec suite,
        IReadOnlyList<string>? testIds,
        TestAdapterContext context,
        CancellationToken cancellationToken);
}
