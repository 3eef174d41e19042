using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>
/// A real adapter that can list its tests, as browser journeys can: every <c>*.py</c> in the suite's working directory
/// is a test (its name without the extension), run with python3 through the process runner; exit code 0 passes. The
/// orchestration tests use it to shard, since the command adapters run a suite as one shard.
/// </summary>
internal sealed class ScriptFolderAdapter(BoundedProcessRunner runner, IOptions<TestExecutionOptions> options) : ITestAdapter
{
    public const string AdapterName = "script-folder";

    public string Name => AdapterName;

    public Task<IReadOnlyList<string>?> ListTestsAsync(TestSuiteSpec suite, CancellationToken cancellationToken)
    {
        var folder = WorkspacePathGuard.ResolveWorkingDirectory(options.Value.WorkspaceRoot, suite.WorkingDirectory);
        IReadOnlyList<string> tests = [.. Directory.EnumerateFiles(folder, "*.py").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];
        return Task.FromResult<IReadOnlyList<string>?>(tests);
    }

    public async Task<IReadOnlyList<TestCaseResult>> RunAsync(TestSuiteSpec suite, IReadOnlyList<string>? testIds, TestAdapterContext context, CancellationToken cancellationToken)
    {
        var results = new List<TestCaseResult>();
        foreach (var test in testIds ?? (await ListTestsAsync(suite, cancellationToken))!)
        {
            var log = Path.Combine(context.ArtifactDirectory, $"{test}.log");
            var run = await runner.RunAsync(new ProcessRunRequest(["python3", $"{test}.py"], suite.WorkingDirectory, new Dictionary<string, string>(), TimeSpan.FromMinutes(1), log), cancellationToken);
            var outcome = run.ExitCode == 0 ? TestOutcome.Passed : TestOutcome.Failed;
            results.Add(new TestCaseResult(test, [new TestAttempt(outcome, run.Duration.TotalMilliseconds, outcome == TestOutcome.Passed ? null : $"exit code {run.ExitCode}", null, null, [log])]));
        }

        return results;
    }
}
