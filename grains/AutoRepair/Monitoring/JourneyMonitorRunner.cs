using System.Text;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// Runs a journeys monitor: the project's journeys file through the journey adapter the monitor names, in this
/// process, with the silo's locator healing. A journey is a finding when it did not pass, and also when it passed only
/// because a locator was healed during the run: the file still has the broken locator, and that is what a repair fixes.
/// </summary>
public sealed class JourneyMonitorRunner(TestAdapterRegistry adapters, IOptions<TestExecutionOptions> execution)
{
    /// <summary>Largest journeys file read. 1 MiB.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The suite name a project's journeys monitor runs under: healing keeps references and sessions by it.</summary>
    public static string SuiteName(string projectId, string monitor) => $"{projectId}.{monitor}";

    /// <summary>Runs every journey of the file, or only <paramref name="onlyTest"/> (a test id <c>SUITE.JOURNEY</c>).</summary>
    public async Task<MonitorRunOutcome> RunAsync(
        string projectId, string projectPath, MonitorDefinition monitor, string? onlyTest, string logFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        Directory.CreateDirectory(logFolder);
        var stamp = $"{monitor.Name}-{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
        var logPath = Path.Combine(logFolder, stamp + ".log");
        async Task<MonitorRunOutcome> LoggedAsync(string log, IReadOnlyList<MonitorFinding> findings, string? error)
        {
            await File.WriteAllTextAsync(logPath, log, cancellationToken);
            return new MonitorRunOutcome(findings, error, logPath);
        }

        var path = WorkspacePathGuard.ResolveFile(execution.Value.WorkspaceRoot, projectPath, monitor.ResultFile!, "resultFile");
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > MaxFileBytes)
        {
            var error = info.Exists ? $"the journeys file '{monitor.ResultFile}' is {info.Length} bytes, more than {MaxFileBytes}" : $"there is no journeys file at '{monitor.ResultFile}'";
            return await LoggedAsync(error + "\n", [], error);
        }

        var suite = new TestSuiteSpec(
            SuiteName(projectId, monitor.Name), monitor.Command[0], await File.ReadAllTextAsync(path, cancellationToken), null, null, null, monitor.BaseUrl, null, monitor.TimeoutSeconds);
        var artifacts = Directory.CreateDirectory(Path.Combine(logFolder, stamp)).FullName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(monitor.TimeoutSeconds));
        IReadOnlyList<TestCaseResult> results;
        try
        {
            results = await adapters.Get(suite.Adapter).RunAsync(suite, onlyTest is null ? null : [onlyTest], new TestAdapterContext(stamp, 0, 1, artifacts), timeout.Token);
        }
        catch (JourneyDefinitionException ex)
        {
            // A journeys file that no longer reads is the project's problem to repair, not the monitor's.
            return await LoggedAsync(ex.Message + "\n", [new MonitorFinding(monitor.Kind, monitor.ResultFile, null, null, suite.Name, ex.Message)], null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"timed out after {monitor.TimeoutSeconds} s";
            return await LoggedAsync(error + "\n", [], error);
        }

        var findings = new List<MonitorFinding>();
        var log = new StringBuilder();
        foreach (var test in results)
        {
            var last = test.Attempts[^1];
            log.Append(test.TestId).Append(": ").Append(last.Outcome).Append(last.Message is null ? string.Empty : " " + last.Message).Append('\n');
            if (last.Outcome is TestOutcome.Failed or TestOutcome.Error)
            {
                findings.Add(new MonitorFinding(monitor.Kind, monitor.ResultFile, null, null, test.TestId, $"{last.FailureType}: {last.Message}"));
            }
            else if (last.FailureType == JourneyFailureTypes.PassedAfterHealing)
            {
                findings.Add(new MonitorFinding(monitor.Kind, monitor.ResultFile, null, null, test.TestId, $"passed only after healing: {last.Message}"));
            }
        }

        return await LoggedAsync(log.ToString(), findings, null);
    }
}
