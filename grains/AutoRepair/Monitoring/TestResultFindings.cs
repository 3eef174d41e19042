using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// Findings from parsed test results (TRX from <c>dotnet test</c>, JUnit XML from <c>pytest --junitxml</c>): a test
/// is a finding when its last attempt failed or errored. A test that failed and then passed on a retry is flaky, not
/// broken; repairing it is the flaky strategy's job, not a monitor's.
/// </summary>
public static class TestResultFindings
{
    public static IReadOnlyList<MonitorFinding> From(IEnumerable<TestCaseResult> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var findings = new List<MonitorFinding>();
        foreach (var test in tests)
        {
            if (test.Attempts is [.., { Outcome: TestOutcome.Failed or TestOutcome.Error } last])
            {
                var message = string.IsNullOrEmpty(last.FailureType) ? last.Message ?? string.Empty : $"{last.FailureType}: {last.Message}";
                findings.Add(new MonitorFinding(FindingKind.TestFailure, null, null, null, test.TestId, message));
            }
        }

        return findings;
    }
}
