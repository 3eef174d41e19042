using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>A real silo (SQLite) with suite execution over a private workspace, and the workflow engine.</summary>
internal sealed class ExecutionCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;

    private ExecutionCluster(InProcessTestCluster cluster, ExecutionWorkspace workspace)
    {
        this.cluster = cluster;
        Workspace = workspace;
    }

    public ExecutionWorkspace Workspace { get; }

    public IGrainFactory Grains => cluster.Client;

    public static async Task<ExecutionCluster> StartAsync()
    {
        var workspace = new ExecutionWorkspace();
        var cluster = new InProcessTestClusterBuilder()
            .ConfigureHost(host =>
            {
                host.Services.AddTestExecution(workspace.Configure);
                host.Services.AddSingleton<ITestAdapter, ScriptFolderAdapter>();
                host.Services.AddMaestroWorkflows(o => o.RecoveryInterval = TimeSpan.FromMilliseconds(200));
            })
            .Build();
        await cluster.DeployAsync();
        return new ExecutionCluster(cluster, workspace);
    }

    /// <summary>Stops the silo gracefully (activations deactivate, the host's stopping token fires) and starts a new one on the same data.</summary>
    public Task RestartSiloAsync() => cluster.RestartSiloAsync();

    /// <summary>Kills the silo as a crash would (nothing deactivates, nothing flushes) and starts a new one on the same data.</summary>
    public async Task KillAndRestartSiloAsync()
    {
        await cluster.KillSiloAsync();
        await cluster.DeployAsync();
    }

    public Task<TestRunExecution> StartRunAsync(string runId, TestSuiteSpec suite, int shards = 1, int retries = 0) =>
        Grains.GetGrain<ITestRunExecutionGrain>(runId).Start(new TestRunStartRequest(suite, "main", "c0ffee", "ci", shards, retries));

    /// <summary>Polls the run (bounded) until it completed or failed.</summary>
    public Task<TestRunExecution> WaitForEndAsync(string runId) =>
        Eventually.WaitForAsync(
            async () => (await Grains.GetGrain<ITestRunExecutionGrain>(runId).GetExecution())!,
            e => e.Status is TestRunExecutionStatus.Completed or TestRunExecutionStatus.Failed,
            $"run {runId} to end");

    public async Task<TestRunReport> ReportAsync(string runId) =>
        await Grains.GetGrain<ITestRunGrain>(runId).GetReport() ?? throw new InvalidOperationException($"run {runId} has no results");

    public async ValueTask DisposeAsync()
    {
        await cluster.DisposeAsync();
        Workspace.Dispose();
    }
}
