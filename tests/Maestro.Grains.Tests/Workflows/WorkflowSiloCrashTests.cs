using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>A workflow in flight when its silo process is SIGKILLed continues after the silo starts again, on its own.</summary>
public sealed class WorkflowSiloCrashTests : IAsyncLifetime
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "maestro-workflow-tests", Guid.NewGuid().ToString("N"));
    private SiloProcessHost silo = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(scratch);
        silo = await SiloProcessHost.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await silo.DisposeAsync();
        Directory.Delete(scratch, recursive: true);
    }

    [Fact]
    public async Task A_killed_silo_resumes_the_workflow_after_restart_without_repeating_completed_steps()
    {
        const string yaml = """
            name: crash
            inputs:
              dir: {required: true}
            steps:
              - id: a
                process: {command: /bin/sh, args: [-c, 'echo a >> "$1/log"', sh, "${inputs.dir}"]}
              - id: b
                depends: [a]
                process: {command: /bin/sh, args: [-c, 'echo "b start" >> "$1/log"; i=0; while [ ! -f "$1/go" ]; do i=$((i+1)); if [ $i -gt 1800 ]; then exit 1; fi; sleep 0.05; done; echo "b done" >> "$1/log"', sh, "${inputs.dir}"]}
              - id: c
                depends: [b]
                process: {command: /bin/sh, args: [-c, 'echo c >> "$1/log"', sh, "${inputs.dir}"]}
            """;
        using var started = await silo.Http.PostAsJsonAsync("/api/workflows", new { id = "crash-1", yaml, inputs = new { dir = scratch } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        await WorkflowTestCluster.WaitUntilAsync(() => Lines().Contains("b start"), "step b to start");

        await silo.KillAsync();
        await silo.RestartAsync();

        // No call names the workflow: the silo's recovery scan finds it. "go" lets the re-run of b finish.
        File.WriteAllText(Path.Combine(scratch, "go"), string.Empty);
        await WorkflowTestCluster.WaitUntilAsync(() => Lines().Contains("c"), "step c to run after the restart");

        await silo.WaitForWorkflowStatusAsync("crash-1", "completed");
        Assert.Equal(["a", "b start", "b start", "b done", "c"], Lines());
    }

    private string[] Lines()
    {
        var path = Path.Combine(scratch, "log");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}
