using Maestro.GrainInterfaces.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>Pause, resume, cancel and approval on a real silo, and a workflow that outlives its silo.</summary>
public sealed class WorkflowControlTests : IAsyncLifetime
{
    /// <summary>Appends "$2 start" (and its pid to "$2.pids"), waits (bounded) for the file "$2.go", then appends "$2 done".</summary>
    private const string Gate =
        "echo $$ >> \"$1/$2.pids\"; echo \"$2 start\" >> \"$1/log\"; i=0; while [ ! -f \"$1/$2.go\" ]; do i=$((i+1)); if [ $i -gt 1800 ]; then exit 1; fi; sleep 0.05; done; echo \"$2 done\" >> \"$1/log\"";

    private WorkflowTestCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await WorkflowTestCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Pause_lets_the_running_step_finish_but_starts_nothing_until_resume()
    {
        var grain = await cluster.StartWorkflowAsync("pausing", TwoGatedSteps("pausing"));
        await WorkflowTestCluster.WaitForAsync(grain, s => s.Steps[0].Status == StepStatus.Running, "step a to run");

        Assert.Equal(WorkflowStatus.Paused, (await grain.Pause()).Status);
        File.WriteAllText(Path.Combine(cluster.Scratch, "a.go"), string.Empty);
        var paused = await WorkflowTestCluster.WaitForAsync(grain, s => s.Steps[0].Status == StepStatus.Succeeded, "step a to finish while paused");

        Assert.Equal((WorkflowStatus.Paused, StepStatus.Pending), (paused.Status, paused.Steps[1].Status));
        Assert.Equal(["a start", "a done"], cluster.Lines("log"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Pause());

        Assert.Equal(WorkflowStatus.Running, (await grain.Resume()).Status);
        File.WriteAllText(Path.Combine(cluster.Scratch, "b.go"), string.Empty);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(["a start", "a done", "b start", "b done"], cluster.Lines("log"));
        var transitions = (await grain.GetJournal(0, 100)).Items.Where(e => e.StepId is null).Select(e => e.Transition);
        Assert.Equal(["started", "paused", "resumed", "completed"], transitions);
    }

    [Fact]
    public async Task Cancel_kills_the_running_process_and_ends_the_workflow()
    {
        const string yaml = """
            name: cancelling
            inputs:
              dir: {required: true}
            steps:
              - id: long
                process: {command: /bin/sh, args: [-c, 'echo $$ > "$1/pid"; exec sleep 300', sh, "${inputs.dir}"]}
              - id: next
                depends: [long]
                process: {command: /bin/true}
            """;
        var grain = await cluster.StartWorkflowAsync("cancelling", yaml);
        await WorkflowTestCluster.WaitUntilAsync(() => cluster.Lines("pid").Length == 1, "the process to start");
        var pid = int.Parse(cluster.Lines("pid")[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(WorkflowTestCluster.ProcessIsGone(pid));

        var cancelled = await grain.Cancel("operator changed their mind");

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        Assert.Equal([StepStatus.Cancelled, StepStatus.Pending], cancelled.Steps.Select(s => s.Status));
        Assert.Equal("operator changed their mind", cancelled.Error);
        await WorkflowTestCluster.WaitUntilAsync(() => WorkflowTestCluster.ProcessIsGone(pid), $"process {pid} to be killed");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Resume());
    }

    [Fact]
    public async Task An_approval_step_waits_for_a_decision_and_passes_it_on()
    {
        const string yaml = """
            name: approving
            inputs:
              dir: {required: true}
            steps:
              - id: gate
                approval: {prompt: "deploy?"}
              - id: deploy
                depends: [gate]
                process: {command: /bin/sh, args: [-c, 'echo "$2" >> "$1/log"', sh, "${inputs.dir}", "${steps.gate.outputs.approver}"]}
            """;
        var grain = await cluster.StartWorkflowAsync("approving", yaml);
        await WorkflowTestCluster.WaitForAsync(grain, s => s.Steps[0].Status == StepStatus.WaitingForApproval, "the approval step to wait");
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Approve("deploy", new ApprovalDecision("ana", true, null)));

        await grain.Approve("gate", new ApprovalDecision("ana", true, "looks good"));
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(["ana"], cluster.Lines("log"));
    }

    [Fact]
    public async Task A_workflow_survives_its_silo_being_killed_without_running_completed_steps_again()
    {
        var grain = await cluster.StartWorkflowAsync("survivor", TwoGatedSteps("survivor", third: true));
        File.WriteAllText(Path.Combine(cluster.Scratch, "a.go"), string.Empty);
        await WorkflowTestCluster.WaitForAsync(grain, s => s.Steps[1].Status == StepStatus.Running, "step b to run");
        await WorkflowTestCluster.WaitUntilAsync(() => cluster.Lines("log").Contains("b start"), "step b's process to start");

        await cluster.KillAndRestartSiloAsync();

        // The stopping silo killed the process of its step in flight. Nothing calls the workflow now: only the
        // recovery scan can bring it back. Step b runs again (it was in flight), step a is not repeated, c follows.
        var firstB = int.Parse(cluster.Lines("b.pids")[0], System.Globalization.CultureInfo.InvariantCulture);
        await WorkflowTestCluster.WaitUntilAsync(() => WorkflowTestCluster.ProcessIsGone(firstB), "the stopped silo's step process to be killed");
        File.WriteAllText(Path.Combine(cluster.Scratch, "b.go"), string.Empty);
        await WorkflowTestCluster.WaitUntilAsync(() => cluster.Lines("log").Contains("c"), "step c to run on the restarted silo");
        var done = await WorkflowTestCluster.WaitForEndAsync(cluster.Grains.GetGrain<IWorkflowGrain>("survivor"));

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        var log = cluster.Lines("log");
        Assert.Equal(1, log.Count(l => l == "a start"));
        Assert.Equal(1, log.Count(l => l == "a done"));
        Assert.Equal(1, log.Count(l => l == "b done"));
        Assert.Equal(1, log.Count(l => l == "c"));
        Assert.Equal(2, log.Count(l => l == "b start"));
        var journal = (await cluster.Grains.GetGrain<IWorkflowGrain>("survivor").GetJournal(0, 100)).Items;
        Assert.Contains(journal, e => e is { StepId: "b", Transition: "restarted" });
        Assert.Single(journal, e => e is { StepId: "a", Transition: "started" });
    }

    private static string TwoGatedSteps(string name, bool third = false) => $$"""
        name: {{name}}
        inputs:
          dir: {required: true}
        steps:
          - id: a
            process: {command: /bin/sh, args: [-c, '{{Gate}}', sh, "${inputs.dir}", a]}
          - id: b
            depends: [a]
            process: {command: /bin/sh, args: [-c, '{{Gate}}', sh, "${inputs.dir}", b]}
        """ + (third ? """

          - id: c
            depends: [b]
            process: {command: /bin/sh, args: [-c, 'echo c >> "$1/log"', sh, "${inputs.dir}"]}
        """ : string.Empty);
}
