using System.Globalization;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// An adapter that runs a command (an argument list, never a shell string) which writes a result file, then reads that
/// file with the import parsers. The command's log (and a copy of the result file) go to the attempt's artifact folder
/// and are attached to every attempt. The command learns what to run from its environment: <c>MAESTRO_TESTS</c> (the
/// test ids, one per line; absent means all), <c>MAESTRO_ATTEMPT</c>, <c>MAESTRO_SHARD</c>, <c>MAESTRO_RUN_ID</c>,
/// <c>MAESTRO_ARTIFACTS</c> and <c>MAESTRO_RESULT_FILE</c>. A result file that is missing or malformed is an
/// <see cref="TestOutcome.Error"/> result saying so, never an exception.
/// </summary>
public abstract class ResultFileCommandAdapter(BoundedProcessRunner runner, IOptions<TestExecutionOptions> options, IOptions<TestResultsOptions> results) : ITestAdapter
{
    /// <summary>The <see cref="TestAttempt.FailureType"/> of an attempt that stands for the whole command, not one test.</summary>
    public const string RunFailureType = "maestro.CommandFailed";

    public const string LogFileName = "output.log";

    public abstract string Name { get; }

    protected TestExecutionOptions Settings { get; } = options.Value;

    /// <summary>The format of the file the command writes.</summary>
    protected abstract ResultFormat Format { get; }

    /// <summary>A command adapter cannot know the tests before it runs them: its suite runs as one shard.</summary>
    public virtual Task<IReadOnlyList<string>?> ListTestsAsync(TestSuiteSpec suite, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(null);

    public async Task<IReadOnlyList<TestCaseResult>> RunAsync(TestSuiteSpec suite, IReadOnlyList<string>? testIds, TestAdapterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(context);
        var workingDirectory = WorkspacePathGuard.ResolveWorkingDirectory(Settings.WorkspaceRoot, suite.WorkingDirectory);
        var resultFile = ResultFilePath(suite, workingDirectory, context);

        // A file left by an earlier attempt must not pass for this attempt's results.
        File.Delete(resultFile);
        var environment = new Dictionary<string, string>(suite.Environment ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["MAESTRO_RUN_ID"] = context.RunId,
            ["MAESTRO_SHARD"] = context.Shard.ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_ATTEMPT"] = context.Attempt.ToString(CultureInfo.InvariantCulture),
            ["MAESTRO_ARTIFACTS"] = context.ArtifactDirectory,
            ["MAESTRO_RESULT_FILE"] = resultFile,
        };
        if (testIds is not null)
        {
            environment["MAESTRO_TESTS"] = string.Join('\n', testIds);
        }

        var log = Path.Combine(context.ArtifactDirectory, LogFileName);
        var timeout = suite.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Settings.DefaultTimeout;
        var run = await runner.RunAsync(new ProcessRunRequest(BuildCommand(suite, testIds, context, resultFile), workingDirectory, environment, timeout, log), cancellationToken);
        var attachments = new List<string> { log };
        var exit = run.TimedOut ? $"was killed after its timeout of {timeout.TotalSeconds:0.###} s" : $"exited with code {run.ExitCode}";
        if (!File.Exists(resultFile))
        {
            return Failure(suite, testIds, $"the command {exit} and wrote no result file at '{resultFile}'", run, attachments);
        }

        var copy = Path.Combine(context.ArtifactDirectory, Path.GetFileName(resultFile));
        if (!string.Equals(Path.GetFullPath(copy), resultFile, StringComparison.Ordinal))
        {
            File.Copy(resultFile, copy, overwrite: true);
        }

        attachments.Add(copy);
        IReadOnlyList<TestCaseResult> parsed;
        try
        {
            var limits = results.Value.Parsing;
            if (new FileInfo(resultFile).Length > limits.MaxFileBytes)
            {
                throw new ResultParseException($"the file is larger than the limit of {limits.MaxFileBytes} bytes");
            }

            parsed = ResultFileParser.Parse(await File.ReadAllBytesAsync(resultFile, cancellationToken), Format, limits);
        }
        catch (ResultParseException ex)
        {
            return Failure(suite, testIds, $"the command {exit} and its result file '{resultFile}' is malformed: {ex.Message}", run, attachments);
        }

        return Select(parsed, testIds, run, attachments);
    }

    /// <summary>The program and its arguments.</summary>
    protected virtual IReadOnlyList<string> BuildCommand(TestSuiteSpec suite, IReadOnlyList<string>? testIds, TestAdapterContext context, string resultFile) =>
        suite.Command is { Count: > 0 } command ? command : throw new ArgumentException($"the {Name} adapter needs 'command': the program and its arguments", "command");

    /// <summary>Where the command writes its results: the suite's result file, under the workspace root.</summary>
    protected virtual string ResultFilePath(TestSuiteSpec suite, string workingDirectory, TestAdapterContext context)
    {
        if (string.IsNullOrWhiteSpace(suite.ResultFile))
        {
            throw new ArgumentException($"the {Name} adapter needs 'resultFile': the file the command writes, relative to the working directory", "resultFile");
        }

        return WorkspacePathGuard.ResolveFile(Settings.WorkspaceRoot, workingDirectory, suite.ResultFile, "resultFile");
    }

    /// <summary>The results of the requested tests (all when none were named); a requested test missing from the file is an error.</summary>
    private static List<TestCaseResult> Select(IReadOnlyList<TestCaseResult> parsed, IReadOnlyList<string>? testIds, ProcessRunResult run, List<string> attachments)
    {
        var byId = parsed.ToDictionary(t => t.TestId, StringComparer.Ordinal);
        var chosen = testIds is null
            ? parsed.ToList()
            : testIds.Select(id => byId.TryGetValue(id, out var test) ? test
                : new TestCaseResult(id, [Error($"the command ran but its result file has no result for '{id}'", run, attachments)])).ToList();
        return chosen.Select(t => t with { Attempts = [.. t.Attempts.Select(a => a with { Attachments = [.. a.Attachments, .. attachments] })] }).ToList();
    }

    private static List<TestCaseResult> Failure(TestSuiteSpec suite, IReadOnlyList<string>? testIds, string message, ProcessRunResult run, List<string> attachments) =>
        (testIds ?? [suite.Name]).Select(id => new TestCaseResult(id, [Error(message, run, attachments)])).ToList();

    private static TestAttempt Error(string message, ProcessRunResult run, List<string> attachments) =>
        new(TestOutcome.Error, run.Duration.TotalMilliseconds, message, run.OutputTail.Length == 0 ? null : run.OutputTail, RunFailureType, [.. attachments]);
}
