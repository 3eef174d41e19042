using Maestro.GrainInterfaces.TestRuns;
using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>The workflow <c>test-suite</c> step on a real silo: it runs the suite as a run, waits for it, and passes its totals on.</summary>
public sealed class TestSuiteStepTests : IAsyncLifetime
{
    private const string PassingJUnit = """
        import sys
        with open(sys.argv[1], "w") as out:
            out.write('<testsuite name="green"><testcase classname="green.T" name="one" time="0.1"/><testcase classname="green.T" name="two" time="0.2"/></testsuite>')
        """;

    private ExecutionCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await ExecutionCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_passing_suite_completes_the_step_with_the_run_id_status_and_totals()
    {
        cluster.Workspace.Write("green/pass.py", PassingJUnit);
        const string yaml = """
            name: suite-step
            inputs:
              branch: main
            outputs:
              runId: ${steps.tests.outputs.runId}
              summary: ${steps.tests.outputs.status} ${steps.tests.outputs.passed}/${steps.tests.outputs.total} ${steps.tests.outputs.passRate}
            steps:
              - id: tests
                test-suite:
                  name: green
                  adapter: junit-command
                  command: [python3, pass.py, results.xml]
                  workingDirectory: green
                  resultFile: results.xml
                  branch: ${inputs.branch}
                  retries: 1
            """;

        var done = await RunWorkflowAsync("wf-green", yaml);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("wf-green--tests", done.Outputs["runId"]);
        Assert.Equal("completed 2/2 1", done.Outputs["summary"]);
        Assert.Equal("testSuite", done.Steps.Single().Kind);
        var report = await cluster.ReportAsync("wf-green--tests");
        Assert.Equal(("green", "main"), (report.Metadata.Suite, report.Metadata.Branch));
    }

    [Fact]
    public async Task A_suite_with_failures_fails_the_step_unless_the_step_allows_failures()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "TestRuns", "Fixtures", "surefire-reruns.xml");
        Directory.CreateDirectory(Path.Combine(cluster.Workspace.Root, "red"));
        string Yaml(bool allowFailures) => $$"""
            name: suite-step
            outputs:
              failed: ${steps.tests.outputs.failed}
            steps:
              - id: tests
                test-suite:
                  name: red
                  adapter: junit-command
                  command: [/bin/cp, "{{fixture}}", results.xml]
                  workingDirectory: red
                  resultFile: results.xml
                  allowFailures: {{(allowFailures ? "true" : "false")}}
            """;

        var strict = await RunWorkflowAsync("wf-red", Yaml(allowFailures: false));
        var lenient = await RunWorkflowAsync("wf-red-allowed", Yaml(allowFailures: true));

        Assert.Equal(WorkflowStatus.Failed, strict.Status);
        Assert.Equal("test run 'wf-red--tests' has 1 failed and 1 errored of 6 tests", strict.Steps.Single().Error);
        Assert.Equal(TestRunExecutionStatus.Completed, (await cluster.Grains.GetGrain<ITestRunExecutionGrain>("wf-red--tests").GetExecution())!.Status);
        Assert.Equal(WorkflowStatus.Completed, lenient.Status);
        Assert.Equal("1", lenient.Outputs["failed"]);
    }

    [Fact]
    public async Task A_run_cancelled_under_a_step_fails_the_step_with_the_reason()
    {
        var workflow = await StartGatedAsync("wf-cancelled");

        await cluster.Grains.GetGrain<ITestRunExecutionGrain>("wf-cancelled--tests").Cancel("cancelled by the release manager");
        var done = await WaitForWorkflowEndAsync(workflow);

        Assert.Equal(WorkflowStatus.Failed, done.Status);
        Assert.Equal("test run 'wf-cancelled--tests' was cancelled: cancelled by the release manager", done.Steps.Single().Error);
    }

    [Fact]
    public async Task Cancelling_the_workflow_cancels_the_run_its_step_started()
    {
        var workflow = await StartGatedAsync("wf-abandoned");

        await workflow.Cancel("no longer needed");
        var run = await Eventually.WaitForAsync(
            async () => (await cluster.Grains.GetGrain<ITestRunExecutionGrain>("wf-abandoned--tests").GetExecution())!,
            r => r.Status != TestRunExecutionStatus.Running,
            "the step's run to stop");

        Assert.Equal(WorkflowStatus.Cancelled, (await workflow.GetSnapshot()).Status);
        Assert.Equal((TestRunExecutionStatus.Cancelled, "step 'tests' of workflow 'wf-abandoned' was cancelled"), (run.Status, run.Error));
    }

    [Fact]
    public async Task A_graceful_silo_restart_leaves_the_steps_run_running_and_the_resumed_workflow_finishes_it()
    {
        await StartGatedAsync("wf-restarted");

        // The restarted silo has a new client: references are taken from it.
        await cluster.RestartSiloAsync();
        var afterRestart = (await cluster.Grains.GetGrain<ITestRunExecutionGrain>("wf-restarted--tests").GetExecution())!;
        await File.WriteAllTextAsync(Path.Combine(cluster.Workspace.Root, "gated", "gate"), string.Empty, TestContext.Current.CancellationToken);
        var done = await WaitForWorkflowEndAsync(cluster.Grains.GetGrain<IWorkflowGrain>("wf-restarted"));

        Assert.Equal(TestRunExecutionStatus.Running, afterRestart.Status);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(TestRunExecutionStatus.Completed, (await cluster.Grains.GetGrain<ITestRunExecutionGrain>("wf-restarted--tests").GetExecution())!.Status);
    }

    /// <summary>Starts a workflow whose one step runs a suite that waits for a file named <c>gate</c>; returns once the suite's command started.</summary>
    private async Task<IWorkflowGrain> StartGatedAsync(string id)
    {
        cluster.Workspace.Write("gated/waits.py", Scripts.WaitsForGate);
        const string yaml = """
            name: suite-step
            steps:
              - id: tests
                test-suite:
                  name: gated
                  adapter: junit-command
                  command: [python3, waits.py, results.xml]
                  workingDirectory: gated
                  resultFile: results.xml
            """;
        var workflow = cluster.Grains.GetGrain<IWorkflowGrain>(id);
        Assert.True((await workflow.Start(new WorkflowStartRequest(yaml, $"{id}.yaml", new Dictionary<string, string>(), new Dictionary<string, string>()))).Started);
        await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(cluster.Workspace.Root, "gated", "starts.log"))), started => started, "the suite's command to start");
        return workflow;
    }

    [Fact]
    public void A_test_suite_step_is_validated_like_every_other_kind()
    {
        const string yaml = """
            name: bad-suite
            steps:
              - id: tests
                test-suite:
                  adapter: junit-command
                  command: python3 run.py
                  shards: 0
                  colour: blue
            """;

        var (_, errors) = WorkflowDefinitionLoader.Load(yaml, "bad-suite.yaml");

        Assert.Equal(
            [
                "bad-suite.yaml:5:7: missing required key 'name' in 'test-suite' of step 'tests'",
                "bad-suite.yaml:6:16: 'command' of 'test-suite' of step 'tests' must be a non-empty list: the program, then one item per argument",
                "bad-suite.yaml:7:15: 'shards' must be a whole number from 1 to 1000, not '0'",
                "bad-suite.yaml:8:7: unknown key 'colour' in 'test-suite' of step 'tests'; expected one of: name, adapter, command, definition, workingDirectory, resultFile, baseUrl, env, timeoutSeconds, shards, retries, branch, commit, environment, allowFailures",
            ],
            errors.Select(e => e.ToString()).ToArray());
    }

    private async Task<WorkflowSnapshot> RunWorkflowAsync(string id, string yaml)
    {
        var workflow = cluster.Grains.GetGrain<IWorkflowGrain>(id);
        var started = await workflow.Start(new WorkflowStartRequest(yaml, $"{id}.yaml", new Dictionary<string, string>(), new Dictionary<string, string>()));
        Assert.True(started.Started, string.Join(Environment.NewLine, started.Errors));
        return await WaitForWorkflowEndAsync(workflow);
    }

    private static Task<WorkflowSnapshot> WaitForWorkflowEndAsync(IWorkflowGrain workflow) =>
        Eventually.WaitForAsync(workflow.GetSnapshot, s => s.Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled, "the workflow to end");
}
