using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns;

/// <summary>A test's status in a run from its attempts, with Playwright's meaning of flaky.</summary>
public static class TestStatusRules
{
    /// <summary>
    /// The last attempt that ran decides, except that a pass after a failed or errored attempt is Flaky. Skipped
    /// attempts do not count; all skipped is Skipped. So Surefire's rerunFailure (failed every time) stays Failed.
    /// </summary>
    public static TestStatus StatusOf(IReadOnlyList<TestAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        TestOutcome? last = null;
        var failedBefore = false;
        foreach (var attempt in attempts)
        {
            if (attempt.Outcome == TestOutcome.Skipped)
            {
                continue;
            }

            failedBefore |= last is TestOutcome.Failed or TestOutcome.Error;
            last = attempt.Outcome;
        }

        return last switch
        {
            null => TestStatus.Skipped,
            TestOutcome.Passed => failedBefore ? TestStatus.Flaky : TestStatus.Passed,
            TestOutcome.Failed => TestStatus.Failed,
            _ => TestStatus.Error,
        };
    }

    public static bool IsFailing(TestStatus status) => status is TestStatus.Failed or TestStatus.Error;

    /// <summary>Counts from the tests themselves. Pass rate is (passed + flaky) ÷ (total − skipped), 1 when nothing ran.</summary>
    public static TestRunTotals Count(IEnumerable<(TestStatus Status, int Attempts)> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        int total = 0, passed = 0, failed = 0, flaky = 0, skipped = 0, error = 0, attempts = 0;
        foreach (var (status, attemptCount) in tests)
        {
            total++;
            attempts += attemptCount;
            switch (status)
            {
                case TestStatus.Passed: passed++; break;
                case TestStatus.Failed: failed++; break;
                case TestStatus.Flaky: flaky++; break;
                case TestStatus.Skipped: skipped++; break;
                default: error++; break;
            }
        }

        var ran = total - skipped;
        return new TestRunTotals(total, passed, failed, flaky, skipped, error, attempts, ran == 0 ? 1 : (double)(passed + flaky) / ran);
    }
}
