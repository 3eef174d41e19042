using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Tests.Analytics;

/// <summary>Histories written as letters, oldest first: P passed, F failed, E error, R passed on a retry (flaky), S skipped.</summary>
internal static class HistoryBuilder
{
    public static List<TestHistoryEntry> FromLetters(string letters, Func<int, string>? commitOf = null, Func<int, bool>? infrastructure = null) =>
        letters.Select((letter, i) => new TestHistoryEntry(
            $"run-{i + 1}",
            "main",
            commitOf?.Invoke(i) ?? $"c{i + 1}",
            DateTimeOffset.UnixEpoch.AddMinutes(i),
            letter switch
            {
                'P' => TestStatus.Passed,
                'F' => TestStatus.Failed,
                'E' => TestStatus.Error,
                'R' => TestStatus.Flaky,
                'S' => TestStatus.Skipped,
                _ => throw new ArgumentException($"unknown letter {letter}"),
            },
            100,
            infrastructure?.Invoke(i) ?? false,
            null)).ToList();
}
