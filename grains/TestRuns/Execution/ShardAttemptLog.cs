using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// A shard's tests across its rounds: each round's results are appended to the tests' earlier attempts (attempt 2
/// after attempt 1, in the same <see cref="TestCaseResult"/>), and the tests still failing are the next round's.
/// </summary>
public static class ShardAttemptLog
{
    /// <summary>The tests with the round's attempts appended, in first-seen order.</summary>
    public static List<TestCaseResult> Append(IReadOnlyList<TestCaseResult> tests, IReadOnlyList<TestCaseResult> round)
    {
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(round);
        var merged = tests.Select(t => (t.TestId, Attempts: t.Attempts.ToList())).ToList();
        var index = merged.Select((t, i) => (t.TestId, i)).ToDictionary(x => x.TestId, x => x.i, StringComparer.Ordinal);
        foreach (var test in round)
        {
            if (index.TryGetValue(test.TestId, out var at))
            {
                merged[at].Attempts.AddRange(test.Attempts);
            }
            else
            {
                index[test.TestId] = merged.Count;
                merged.Add((test.TestId, [.. test.Attempts]));
            }
        }

        return [.. merged.Select(t => new TestCaseResult(t.TestId, t.Attempts))];
    }

    /// <summary>
    /// The tests whose last attempt failed or errored, to run again. An error that stands for the whole command (its
    /// result file missing) is retried only when the shard had a list of tests: without one there is no test to name.
    /// </summary>
    public static List<string> Failing(IReadOnlyList<TestCaseResult> tests, bool shardHasTestList)
    {
        ArgumentNullException.ThrowIfNull(tests);
        return [.. tests
            .Where(t => t.Attempts.Count > 0 && t.Attempts[^1].Outcome is TestOutcome.Failed or TestOutcome.Error)
            .Where(t => shardHasTestList || t.Attempts[^1].FailureType != ResultFileCommandAdapter.RunFailureType)
            .Select(t => t.TestId)];
    }
}
