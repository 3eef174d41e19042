using Maestro.GrainInterfaces.Workflows;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>HTTP steps against a real local endpoint, fan-out over a list, published events and sub-workflows from templates.</summary>
public sealed class WorkflowCompositionTests : IAsyncLifetime
{
    private WorkflowTestCluster cluster = null!;
    private LocalHttpEndpoint endpoint = null!;

    public async ValueTask InitializeAsync()
    {
        cluster = await WorkflowTestCluster.StartAsync();
        endpoint = await LocalHttpEndpoint.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await endpoint.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Fans_out_http_requests_over_a_list_retries_a_503_and_posts_the_joined_outputs()
    {
        const string yaml = """
            name: fan-out
            inputs:
              base: {required: true}
              names: {required: true}
            steps:
              - id: fetch
                forEach: ${inputs.names}
                maxParallel: 2
                retry: {maxAttempts: 2, initialInterval: 50ms}
                http: {url: "${inputs.base}/items/${item}"}
              - id: report
                depends: [fetch]
                http:
                  method: POST
                  url: ${inputs.base}/collect
                  headers: {Content-Type: application/json}
                  body: '{"count": ${steps.fetch.outputs.count}, "bodies": ${steps.fetch.outputs.body}}'
                  expectStatus: 202
            """;
        var inputs = new Dictionary<string, string> { ["base"] = endpoint.BaseUrl, ["names"] = "[\"one\",\"two-flaky\",\"three\"]" };

        var grain = await cluster.StartWorkflowAsync("fan-out", yaml, inputs);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("""{"count": 3, "bodies": ["item-one","item-two-flaky","item-three"]}""", Assert.Single(endpoint.Collected));
        Assert.Equal(2, endpoint.CallsTo("two-flaky"));
        Assert.Equal(4, done.Steps.Single(s => s.Id == "fetch").Attempts);
    }

    [Fact]
    public async Task A_sub_workflow_from_a_template_runs_to_its_end_and_its_events_are_published()
    {
        var template = cluster.Grains.GetGrain<IWorkflowTemplateGrain>("notify");
        var registered = await template.Register(new TemplateRegistration(
            """
            name: notify-{{CHANNEL}}
            inputs:
              message: {required: true}
            outputs:
              sequence: ${steps.send.outputs.sequence}
            steps:
              - id: send
                publish:
                  stream: {{CHANNEL}}
                  payload: {text: "${inputs.message}", from: "${workflow.id}"}
            """,
            [new TemplateParameter("CHANNEL", "string", null, "the stream to publish to")],
            "publishes one message"));
        Assert.Empty(registered.Errors);
        Assert.Equal(1, registered.Template!.Version);

        const string yaml = """
            name: parent
            steps:
              - id: first
                workflow: {template: notify, parameters: {CHANNEL: releases}, inputs: {message: shipped}}
              - id: second
                depends: [first]
                when: steps.first.outputs.sequence == 1
                workflow: {template: notify, version: 1, parameters: {CHANNEL: releases}, inputs: {message: "again after ${steps.first.outputs.sequence}"}}
            """;
        var grain = await cluster.StartWorkflowAsync("parent", yaml, []);
        var done = await WorkflowTestCluster.WaitForEndAsync(grain);

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        var events = await cluster.Grains.GetGrain<IWorkflowEventLogGrain>("releases").Read(0, 10);
        Assert.Equal(
            [(1L, "shipped", "parent--first"), (2L, "again after 1", "parent--second")],
            events.Items.Select(e => (e.Sequence, e.Payload["text"], e.Payload["from"])));
        var child = await cluster.Grains.GetGrain<IWorkflowGrain>("parent--first").GetSnapshot();
        Assert.Equal(("notify-releases", WorkflowStatus.Completed), (child.Name, child.Status));
    }

    [Fact]
    public async Task A_graceful_silo_restart_leaves_a_child_workflow_running_and_the_resumed_parent_waits_for_it()
    {
        var registered = await cluster.Grains.GetGrain<IWorkflowTemplateGrain>("gated").Register(new TemplateRegistration(
            """
            name: gated-child
            inputs:
              dir: {required: true}
            steps:
              - id: wait
                process: {command: /bin/sh, args: [-c, 'echo start >> "$1/child.log"; while [ ! -f "$1/go" ]; do sleep 0.05; done', sh, "${inputs.dir}"]}
            """,
            [],
            "waits for a file named go"));
        Assert.Empty(registered.Errors);
        const string yaml = """
            name: parent
            inputs:
              dir: {required: true}
            steps:
              - id: child
                workflow: {template: gated, inputs: {dir: "${inputs.dir}"}}
            """;
        await cluster.StartWorkflowAsync("suspended-parent", yaml);
        await WorkflowTestCluster.WaitUntilAsync(() => cluster.Lines("child.log").Length == 1, "the child's process to start");

        // Stopping the silo suspends the parent's step; that is not a cancel, so the child is left to run.
        await cluster.RestartSiloAsync();
        var child = await cluster.Grains.GetGrain<IWorkflowGrain>("suspended-parent--child").GetSnapshot();
        File.WriteAllText(Path.Combine(cluster.Scratch, "go"), string.Empty);
        var done = await WorkflowTestCluster.WaitForEndAsync(cluster.Grains.GetGrain<IWorkflowGrain>("suspended-parent"));

        Assert.Equal(WorkflowStatus.Running, child.Status);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(WorkflowStatus.Completed, (await cluster.Grains.GetGrain<IWorkflowGrain>("suspended-parent--child").GetSnapshot()).Status);
    }
}
