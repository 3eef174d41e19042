using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.AutoRepair.Monitoring;

/// <summary>
/// Runs a monitor's command in its project (bounded: argument list, timeout, capped output) and reads its findings
/// from the tool's machine-readable report, not from scraping its console text as the original did.
/// </summary>
public sealed class MonitorRunner(
    BoundedProcessRunner processes, JourneyMonitorRunner journeys, IOptions<TestExecutionOptions> execution, IOptions<TestResultsOptions> results)
{
    /// <summary>
    /// Runs <paramref name="command"/> (the monitor's, or its re-run command) and reads the findings. A journeys
    /// monitor runs its journeys file instead, all of it or only the journey <paramref name="onlyTest"/>.
    /// </summary>
    public async Task<MonitorRunOutcome> RunAsync(
        string projectId,
        string projectPath,
        MonitorDefinition monitor,
        IReadOnlyList<string> command,
        string? onlyTest,
        string logFolder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        if (monitor.Output == MonitorOutput.Journeys)
        {
            return await journeys.RunAsync(projectId, projectPath, monitor, onlyTest, logFolder, cancellationToken);
        }

        Directory.CreateDirectory(logFolder);
        var logPath = Path.Combine(logFolder, $"{monitor.Name}-{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.log");
        string? reportPath = null;
        if (monitor.Output != MonitorOutput.Diagnostics)
        {
            reportPath = WorkspacePathGuard.ResolveFile(execution.Value.WorkspaceRoot, projectPath, monitor.ResultFile!, "resultFile");

            // A report left from an earlier run must not be read as this run's.
            if (File.Exists(reportPath))
            {
                File.Delete(reportPath);
            }
        }

        ProcessRunResult run;
        try
        {
            run = await processes.RunAsync(
                new ProcessRunRequest(command, projectPath, new Dictionary<string, string>(), TimeSpan.FromSeconds(monitor.TimeoutSeconds), logPath),
                cancellationToken);
        }
        catch (CommandStartException ex)
        {
            return new MonitorRunOutcome([], ex.Message, logPath);
        }

        if (run.TimedOut)
        {
            return new MonitorRunOutcome([], $"timed out after {monitor.TimeoutSeconds} s; its process tree was killed", logPath);
        }

        try
        {
            return new MonitorRunOutcome(Read(monitor, reportPath, logPath), null, logPath);
        }
        catch (ResultParseException ex)
        {
            return new MonitorRunOutcome([], $"exit code {run.ExitCode}; its report could not be read: {ex.Message}", logPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new MonitorRunOutcome([], $"exit code {run.ExitCode}; it wrote no report at '{monitor.ResultFile}'. Output: {Tail(run.OutputTail)}", logPath);
        }
    }

    private IReadOnlyList<MonitorFinding> Read(MonitorDefinition monitor, string? reportPath, string logPath)
    {
        var limits = results.Value.Parsing;
        return monitor.Output switch
        {
            MonitorOutput.Trx => TestResultFindings.From(ResultFileParser.Parse(ReadBounded(reportPath!, limits), ResultFormat.Trx, limits)),
            MonitorOutput.JUnit => TestResultFindings.From(ResultFileParser.Parse(ReadBounded(reportPath!, limits), ResultFormat.JUnit, limits)),
            MonitorOutput.JestJson => JestJsonReportParser.Parse(ReadBounded(reportPath!, limits), limits),
            MonitorOutput.EslintJson => EslintJsonReportParser.Parse(ReadBounded(reportPath!, limits), limits),
            MonitorOutput.Diagnostics => CompilerDiagnosticsParser.Parse(File.ReadAllText(logPath), monitor.Kind, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(monitor), monitor.Output, "unknown monitor output"),
        };
    }

    private static byte[] ReadBounded(string path, ResultParserLimits limits)
    {
        var length = new FileInfo(path).Length;
        return length > limits.MaxFileBytes
            ? throw new ResultParseException($"the report is {length} bytes, more than the limit of {limits.MaxFileBytes}")
            : File.ReadAllBytes(path);
    }

    private static string Tail(string output) => output.Length <= 500 ? output.Trim() : output[^500..].Trim();
}
