using System.Globalization;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Starts the suite as the run <c>WORKFLOW--STEP</c> (plus <c>-N</c> per fan-out item), so a resumed workflow finds its
/// run instead of starting another, and polls it to its end. Outputs: <c>runId</c>, <c>status</c>, and the totals
/// (<c>total</c>, <c>passed</c>, <c>failed</c>, <c>flaky</c>, <c>skipped</c>, <c>error</c>, <c>attempts</c>,
/// <c>passRate</c>). Fails when the run fails or is cancelled, or has failed or errored tests unless the step allows
/// failures. Cancelling the step for good cancels the run; a workflow that is only suspended leaves it running.
/// </summary>
public sealed class TestSuiteStepExecutor(IGrainFactory grains) : IStepExecutor
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public StepKind Kind => StepKind.TestSuite;

    public static string RunId(string workflowId, string stepId, int? itemIndex) =>
        itemIndex is null ? $"{workflowId}--{stepId}" : $"{workflowId}--{stepId}-{itemIndex}";

    public async Task<IReadOnlyDictionary<string, string>> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var spec = (TestSuiteStepSpec)invocation.Step.Spec;
        var scope = invocation.Scope;
        string? Render(SourceText? text) => text is null ? null : scope.Render(text.Value);
        var suite = new TestSuiteSpec(
            Render(spec.Name)!,
            Render(spec.Adapter)!,
            Render(spec.Definition),
            spec.Command?.Select(c => scope.Render(c.Value)).ToList(),
            Render(spec.WorkingDirectory),
            Render(spec.ResultFile),
            Render(spec.BaseUrl),
            spec.Env.ToDictionary(kv => kv.Key, kv => scope.Render(kv.Value.Value), StringComparer.Ordinal),
            spec.TimeoutSeconds);
        var request = new TestRunStartRequest(suite, Render(spec.Branch) ?? string.Empty, Render(spec.Commit) ?? string.Empty, Render(spec.Environment) ?? string.Empty, spec.Shards, spec.Retries);
        var runId = RunId(invocation.WorkflowId, invocation.Step.Id, invocation.ItemIndex);
        var run = grains.GetGrain<ITestRunExecutionGrain>(runId);
        TestRunExecution execution;
        try
        {
            execution = await run.Start(request);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new StepFailedException($"test run '{runId}' did not start: {(ex is ArgumentException argument ? TestRunRequestValidator.MessageOf(argument) : ex.Message)}", ex);
        }

        try
        {
            while (execution.Status is TestRunExecutionStatus.Queued or TestRunExecutionStatus.Running)
            {
                await Task.Delay(PollInterval, cancellationToken);
                execution = await run.GetExecution() ?? throw new StepFailedException($"test run '{runId}' disappeared");
            }
        }
        catch (OperationCanceledException) when (!invocation.Suspending.IsCancellationRequested)
        {
            await run.Cancel($"step '{invocation.Step.Id}' of workflow '{invocation.WorkflowId}' was cancelled");
            throw;
        }

        if (execution.Status == TestRunExecutionStatus.Failed)
        {
            throw new StepFailedException($"test run '{runId}' failed: {execution.Error}");
        }

        if (execution.Status == TestRunExecutionStatus.Cancelled)
        {
            throw new StepFailedException($"test run '{runId}' was cancelled: {execution.Error}");
        }

        var totals = execution.Totals ?? new TestRunTotals(0, 0, 0, 0, 0, 0, 0, 1);
        if (!spec.AllowFailures && totals.Failed + totals.Error > 0)
        {
            throw new StepFailedException($"test run '{runId}' has {totals.Failed} failed and {totals.Error} errored of {totals.Total} tests");
        }

        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["runId"] = runId,
            ["status"] = WorkflowGrain.StatusName(execution.Status),
            ["total"] = Number(totals.Total),
            ["passed"] = Number(totals.Passed),
            ["failed"] = Number(totals.Failed),
            ["flaky"] = Number(totals.Flaky),
            ["skipped"] = Number(totals.Skipped),
            ["error"] = Number(totals.Error),
            ["attempts"] = Number(totals.Attempts),
            ["passRate"] = totals.PassRate.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }
}
