using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Workflows;
using Maestro.Runtime;
using Maestro.Runtime.TestingHost;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>
/// A real silo (InProcessTestCluster, SQLite in a private folder) with the workflow engine, a scratch folder for the
/// files process steps write, and bounded polling helpers: tests wait for conditions, never for time.
/// </summary>
public sealed class WorkflowTestCluster : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly InProcessTestCluster cluster;

    private WorkflowTestCluster(InProcessTestCluster cluster, string scratch)
    {
        this.cluster = cluster;
        Scratch = scratch;
    }

    /// <summary>A folder for the side effects of process steps; removed on dispose.</summary>
    public string Scratch { get; }

    public IGrainFactory Grains => cluster.Client;

    public static async Task<WorkflowTestCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder()
            .ConfigureHost(host => host.Services.AddMaestroWorkflows(o => o.RecoveryInterval = TimeSpan.FromMilliseconds(200)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var scratch = Path.Combine(Path.GetTempPath(), "maestro-workflow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        return new WorkflowTestCluster(cluster, scratch);
    }

    /// <summary>Stops the silo gracefully (activations deactivate, the host's stopping token fires) and starts a new one on the same data.</summary>
    public Task RestartSiloAsync() => cluster.RestartSiloAsync();

    /// <summary>Kills the silo as a crash would (nothing deactivates, nothing flushes) and starts a new one on the same data.</summary>
    public async Task KillAndRestartSiloAsync()
    {
        await cluster.KillSiloAsync();
        await cluster.DeployAsync();
    }

    public async Task<IWorkflowGrain> StartWorkflowAsync(string id, string yaml, Dictionary<string, string>? inputs = null)
    {
        var grain = Grains.GetGrain<IWorkflowGrain>(id);
        var result = await grain.Start(new WorkflowStartRequest(yaml, $"{id}.yaml", inputs ?? new() { ["dir"] = Scratch }, new Dictionary<string, string>()));
        Assert.True(result.Started, string.Join(Environment.NewLine, result.Errors));
        return grain;
    }

    public static async Task<WorkflowSnapshot> WaitForAsync(IWorkflowGrain grain, Func<WorkflowSnapshot, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        WorkflowSnapshot snapshot;
        do
        {
            snapshot = await grain.GetSnapshot();
            if (condition(snapshot))
            {
                return snapshot;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Gave up waiting for {what}; the workflow is {snapshot.Status}: " +
            string.Join(", ", snapshot.Steps.Select(s => $"{s.Id}={s.Status} {s.Error}")));
    }

    public static Task<WorkflowSnapshot> WaitForEndAsync(IWorkflowGrain grain) =>
        WaitForAsync(grain, s => s.Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Cancelled, "the workflow to end");

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Lines appended to a file in the scratch folder (none when it does not exist yet).</summary>
    public string[] Lines(string file)
    {
        var path = Path.Combine(Scratch, file);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    public static bool ProcessIsGone(int pid) => !Directory.Exists($"/proc/{pid}");

    public async ValueTask DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(Scratch, recursive: true);
    }
}
