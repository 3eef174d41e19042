using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.TestRuns.Parsing;

/// <summary>
/// Gathers attempts by test id in first-seen order. A test id met twice in one file is the same test run again (a
/// retry written as another test case), so its attempts are appended, as Allure and ReportPortal group retries.
/// </summary>
internal sealed class TestCaseCollector(ResultParserLimits limits)
{
    private readonly Dictionary<string, List<TestAttempt>> attemptsById = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    /// <summary>Adds attempts; returns an error reason when a limit would be exceeded.</summary>
    public string? Add(string testId, IEnumerable<TestAttempt> attempts)
    {
        if (!attemptsById.TryGetValue(testId, out var existing))
        {
            if (order.Count >= limits.MaxTests)
            {
                return $"the file holds more than {limits.MaxTests} tests";
            }

            existing = [];
            attemptsById.Add(testId, existing);
            order.Add(testId);
        }

        existing.AddRange(attempts);
        return existing.Count > limits.MaxAttemptsPerTest
            ? $"test '{testId}' has more than {limits.MaxAttemptsPerTest} attempts"
            : null;
    }

    public IReadOnlyList<TestCaseResult> ToResults() =>
        order.Select(id => new TestCaseResult(id, attemptsById[id])).ToList();

    public string Truncate(string? text) => limits.Cut(text);
}
