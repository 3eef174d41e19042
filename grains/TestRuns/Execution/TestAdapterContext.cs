namespace Maestro.Grains.TestRuns.Execution;

/// <summary>Where one adapter run belongs.</summary>
/// <param name="RunId">The test run.</param>
/// <param name="Shard">The shard's index in the run, from 0.</param>
/// <param name="Attempt">1 for the first run of these tests, 2 and up for retries.</param>
/// <param name="ArtifactDirectory">An existing folder for this run's screenshots, traces and logs; results name files in it.</param>
public sealed record TestAdapterContext(string RunId, int Shard, int Attempt, string ArtifactDirectory);
