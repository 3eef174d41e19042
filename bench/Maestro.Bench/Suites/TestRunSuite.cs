using System.Diagnostics;
using Maestro.Bench.Harness;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Bench.Suites;

/// <summary>
/// Suite runs per second through test-run execution (a fresh <c>ITestRunExecutionGrain</c> per run: request stored,
/// shard grain, <c>junit-command</c> adapter with its capped log, JUnit parse, the import into <c>ITestRunGrain</c> and
/// the analytics, polled to completion) beside the same command started as a plain process and waited for.
/// </summary>
internal sealed class TestRunSuite(IClusterClient client, string workspace, PairRunner runner)
{
    /// <summary>Tests in the JUnit file the command writes.</summary>
    public const int TestsPerRun = 50;

    /// <summary>Concurrent runs in the "many" case: each starts a python3 process, heavy on 2 cores.</summary>
    public const int ManyCallers = 4;

    public const double Target = 0.50;

    private const string Script = """
        import sys
        count = int(sys.argv[2])
        with open(sys.argv[1], "w") as out:
            out.write('<testsuite name="bench">')
            for i in range(count):
                out.write('<testcase classname="bench.Suite" name="t%03d" time="0.001"/>' % i)
            out.write("</testsuite>")
        """;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    private int runs;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(workspace, "write_junit.py"), Script);
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, ManyCallers })
        {
            results.Add(await runner.RunAsync(
                $"junit-command run of {TestsPerRun} tests through ITestRunExecutionGrain",
                $"the same command as a plain process",
                callers,
                Target,
                (caller, _) => RunThroughGrainAsync(caller),
                (caller, _) => RunRawAsync(caller)));
        }

        return results;
    }

    private async Task RunThroughGrainAsync(int caller)
    {
        var id = $"bench-run-{Interlocked.Increment(ref runs)}";
        var folder = CallerFolder(caller);
        var suite = new TestSuiteSpec("bench-runs", "junit-command", null, ["python3", "../write_junit.py", "results.xml", $"{TestsPerRun}"], folder, "results.xml", null, null, 60);
        var run = client.GetGrain<ITestRunExecutionGrain>(id);
        var execution = await run.Start(new TestRunStartRequest(suite, "main", "bench", "bench", 1, 0));
        while (execution.Status is TestRunExecutionStatus.Queued or TestRunExecutionStatus.Running)
        {
            await Task.Delay(PollInterval);
            execution = (await run.GetExecution())!;
        }

        if (execution.Status != TestRunExecutionStatus.Completed || execution.Totals?.Passed != TestsPerRun)
        {
            throw new InvalidOperationException($"Bench run {id} ended {execution.Status}: {execution.Error} {execution.Totals}");
        }
    }

    private async Task RunRawAsync(int caller)
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = Path.Combine(workspace, CallerFolder(caller)),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "../write_junit.py", "results.xml", $"{TestsPerRun}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 exited with {process.ExitCode}: {await error}");
        }
    }

    /// <summary>A folder per caller, so concurrent runs never share a result file.</summary>
    private string CallerFolder(int caller)
    {
        var name = $"caller-{caller}";
        Directory.CreateDirectory(Path.Combine(workspace, name));
        return name;
    }
}
