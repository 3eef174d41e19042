using Maestro.GrainInterfaces.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>Workflows running on a real silo: DAG parallelism, retries, timeouts, optional steps and outputs between steps.</summary>
public sealed class WorkflowExecutionTests : IAsyncLifetime
{
    /// <summary>
    /// Marks "$2 started", then waits (bounded, 60 s) until "$3 started" exists. Both branches of a diamond succeed only
    /// if each saw the other running: proof of overlap by events, not by timing.
    /// </summary>
    private const string Rendezvous =
        "touch \"$1/$2.started\"; i=0; while [ ! -f \"$1/$3.started\" ]; do i=$((i+1)); if [ $i -gt 1200 ]; then exit 1; fi; sleep 0.05; done; echo $2 >> \"$1/log\"";

    private WorkflowTestCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await WorkflowTestCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_diamond_runs_its_branches_in_parallel_and_joins_them()
    {
        var yaml = $$"""
            name: diamond
            inputs:
              dir: {required: true}
            outputs:
              joined: ${steps.d.outputs.joined}
            steps:
              - id: a
                process: {command: /bin/sh, args: [-c, 'echo a >> "$1/log"; echo "::output version=1.2"', sh, "${inputs.dir}"]}
              - id: b
                depends: [a]
                process: {command: /bin/sh, args: [-c, '{{Rendezvous}}', sh, "${inputs.dir}", b, c]}
              - id: c
                depends: [a]
                process: {command: /bin/sh, args: [-c, '{{Rendezvous}}', sh, "${inputs.dir}", c, b]}
              - id: d
                depends: [b, c]
                process: {command: /bin/sh, args: [-c, 'echo d >> "$1/log"; echo "::output joined=$2"', sh, "${inputs.dir}", "v${steps.a.outputs.version}"]}
            """;

        var grain = await cluster.StartWorkflowAsync("diamond", yaml);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("v1.2", done.Outputs["joined"]);
        var log = cluster.Lines("log");
        Assert.Equal("a", log[0]);
        Assert.Equal(["b", "c"], log[1..3].Order());
        Assert.Equal("d", log[3]);

        // Both branches started before either finished.
        var journal = (await grain.GetJournal(0, 100)).Items;
        var firstBranchDone = journal.First(e => e.StepId is "b" or "c" && e.Transition == "succeeded").Sequence;
        Assert.All(["b", "c"], id => Assert.True(journal.Single(e => e.StepId == id && e.Transition == "started").Sequence < firstBranchDone));
        Assert.Equal("a", done.CriticalPath.Steps[0]);
        Assert.Equal("d", done.CriticalPath.Steps[^1]);
        Assert.Equal(3, done.CriticalPath.Steps.Count);
    }

    [Fact]
    public async Task A_step_failing_twice_succeeds_on_its_third_attempt_and_an_optional_failure_does_not_fail_the_workflow()
    {
        const string yaml = """
            name: retries
            inputs:
              dir: {required: true}
            steps:
              - id: flaky
                retry: {maxAttempts: 3, initialInterval: 50ms, factor: 2}
                process: {command: /bin/sh, args: [-c, 'n=$(cat "$1/count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$1/count"; [ $n -ge 3 ]', sh, "${inputs.dir}"]}
              - id: broken
                optional: true
                retry: {maxAttempts: 2, initialInterval: 50ms}
                process: {command: /bin/sh, args: [-c, 'echo no >&2; exit 3']}
              - id: after
                depends: [flaky, broken]
                when: steps.broken.status == 'failed'
                process: {command: /bin/sh, args: [-c, 'echo after >> "$1/log"', sh, "${inputs.dir}"]}
            """;

        var grain = await cluster.StartWorkflowAsync("retries", yaml);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        var flaky = done.Steps.Single(s => s.Id == "flaky");
        Assert.Equal((StepStatus.Succeeded, 3), (flaky.Status, flaky.Attempts));
        Assert.Equal(["3"], cluster.Lines("count"));
        var broken = done.Steps.Single(s => s.Id == "broken");
        Assert.Equal((StepStatus.Failed, 2), (broken.Status, broken.Attempts));
        Assert.Contains("exited with code 3: no", broken.Error, StringComparison.Ordinal);
        Assert.Equal(["after"], cluster.Lines("log"));
        var journal = (await grain.GetJournal(0, 100)).Items;
        Assert.Contains(journal, e => e is { StepId: "flaky", Transition: "succeeded", Detail: "after 3 attempts" });
    }

    [Fact]
    public async Task A_step_over_its_timeout_is_killed_and_fails_the_workflow_while_a_false_condition_skips()
    {
        const string yaml = """
            name: timeout
            inputs:
              dir: {required: true}
            steps:
              - id: skipped
                when: inputs.dir == 'nowhere'
                process: {command: /bin/false}
              - id: slow
                timeout: 1s
                process: {command: /bin/sh, args: [-c, 'echo $$ > "$1/pid"; exec sleep 300', sh, "${inputs.dir}"]}
              - id: never
                depends: [slow]
                process: {command: /bin/true}
            """;

        var grain = await cluster.StartWorkflowAsync("timeout", yaml);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Failed, done.Status);
        Assert.StartsWith("step 'slow' TimedOut", done.Error, StringComparison.Ordinal);
        Assert.Equal(
            [("skipped", StepStatus.Skipped), ("slow", StepStatus.TimedOut), ("never", StepStatus.Pending)],
            done.Steps.Select(s => (s.Id, s.Status)));
        var pid = int.Parse(cluster.Lines("pid")[0], System.Globalization.CultureInfo.InvariantCulture);
        await WorkflowTestCluster.WaitUntilAsync(() => WorkflowTestCluster.ProcessIsGone(pid), $"the timed-out process {pid} to be killed");
    }

    [Fact]
    public async Task A_workflow_over_its_own_timeout_fails_and_kills_what_runs()
    {
        const string yaml = """
            name: slow-workflow
            timeout: 1s
            inputs:
              dir: {required: true}
            steps:
              - id: slow
                process: {command: /bin/sh, args: [-c, 'echo $$ > "$1/pid"; exec sleep 300', sh, "${inputs.dir}"]}
            """;

        var grain = await cluster.StartWorkflowAsync("slow-workflow", yaml);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Failed, done.Status);
        Assert.Equal("the workflow did not finish within its timeout of 00:00:01", done.Error);
        Assert.Equal(StepStatus.Cancelled, done.Steps[0].Status);
        await WorkflowTestCluster.WaitUntilAsync(() => cluster.Lines("pid").Length == 1, "the process to have written its pid");
        var pid = int.Parse(cluster.Lines("pid")[0], System.Globalization.CultureInfo.InvariantCulture);
        await WorkflowTestCluster.WaitUntilAsync(() => WorkflowTestCluster.ProcessIsGone(pid), $"process {pid} to be killed");
    }
}
