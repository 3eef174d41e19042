using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Tests.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>
/// Two silos in this process forming one cluster on a private PostgreSQL server: a run's shards are placed by
/// activation count, so they spread over both silos, and every shard's results reach the one run.
/// </summary>
public sealed class MultiSiloShardTests
{
    private const int Tests = 12;

    [Fact]
    public async Task Shards_run_on_both_silos_and_their_results_meet_in_one_run()
    {
        await using var server = await PrivatePostgreSqlServer.StartNewAsync();
        var database = await server.CreateDatabaseAsync("shards");
        using var workspace = new ExecutionWorkspace();
        for (var i = 0; i < Tests; i++)
        {
            workspace.Write($"spread/t{i}.py", "print('ok')\n");
        }

        var builder = new InProcessTestClusterBuilder().ConfigureSilo(silo =>
        {
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));

            // Frequent heartbeats, so each silo's published activation count reaches the other's placement quickly.
            silo.Configure<PostgreSqlClusteringOptions>(o => o.HeartbeatPeriod = TimeSpan.FromMilliseconds(200));
            silo.Services.AddTestExecution(workspace.Configure, sp => sp.GetRequiredService<ISiloStatus>().SiloName);
            silo.Services.AddSingleton<ITestAdapter, ScriptFolderAdapter>();
        });
        builder.Options.ClusterId = $"shards-{Guid.NewGuid():N}";
        await using var cluster = builder.BuildMultiSilo(database, silos: 2);
        await cluster.DeployAsync();
        foreach (var silo in cluster.Silos)
        {
            await Eventually.WaitForAsync(
                () => silo.GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true),
                hosts => hosts.Count == 2,
                $"{silo.Name} to see both silos Active");
        }

        var caller = cluster.Silos[0].GrainFactory;
        var suite = new TestSuiteSpec("spread", ScriptFolderAdapter.AdapterName, null, null, "spread", null, null, null, 60);
        await caller.GetGrain<ITestRunExecutionGrain>("spread-1").Start(new TestRunStartRequest(suite, "main", "c0ffee", "ci", Tests, 0));
        var done = await Eventually.WaitForAsync(
            async () => (await caller.GetGrain<ITestRunExecutionGrain>("spread-1").GetExecution())!,
            e => e.Status is TestRunExecutionStatus.Completed or TestRunExecutionStatus.Failed,
            "the run to end");

        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        Assert.Equal(Tests, done.Shards.Count);
        Assert.Equal(cluster.Silos.Select(s => s.Name).Order(), done.Shards.Select(s => s.Silo!).Distinct().Order());
        Assert.Equal(new TestRunTotals(Tests, Tests, 0, 0, 0, 0, Tests, 1), done.Totals);
        var report = await cluster.Silos[1].GrainFactory.GetGrain<ITestRunGrain>("spread-1").GetReport();
        Assert.Equal(Tests, report!.Files.Count);
    }
}
