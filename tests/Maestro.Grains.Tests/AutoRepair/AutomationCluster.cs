using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.AutoRepair;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.Tests.Events;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;
using Maestro.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.AutoRepair;

/// <summary>An in-process silo with auto-repair, SQLite grain state, streams and reminders, over a project's workspace root.</summary>
internal static class AutomationCluster
{
    public static Task<InProcessTestCluster> StartAsync(ShopProject project, TextReplacementPlanner planner, ResultLog results, string? dataDirectory = null) =>
        StartAsync(project.WorkspaceRoot, results, dataDirectory, services => services.AddSingleton<IRepairPlanner>(planner));

    /// <param name="workspaceRoot">The test execution's root, where the watched projects are.</param>
    /// <param name="results">Collects the results stream.</param>
    /// <param name="dataDirectory">Where the silo keeps its state; a restart with the same folder reads it back.</param>
    /// <param name="services">More services for the silo: planners, browser journeys, healing.</param>
    public static async Task<InProcessTestCluster> StartAsync(string workspaceRoot, ResultLog results, string? dataDirectory, Action<IServiceCollection> services)
    {
        var builder = new InProcessTestClusterBuilder();
        if (dataDirectory is not null)
        {
            // The same service id and data: the second silo of a restart reads what the first one stored.
            builder.Options.ServiceId = "auto-repair-restart";
            builder.Options.DataDirectory = dataDirectory;
            builder.Options.DeleteDataDirectoryOnDispose = false;
        }

        var data = builder.Options.DataDirectory;
        builder.ConfigureSilo(silo =>
        {
            silo.AddGrainAssembly(typeof(ProjectAutomationGrain).Assembly);
            silo.AddSqliteStreams(MaestroStreams.ProviderName, o =>
            {
                o.DatabasePath = Path.Combine(data, "streams.db");
                o.RetryBackoff = TimeSpan.FromMilliseconds(10);
                o.MaxRetryBackoff = TimeSpan.FromMilliseconds(50);
            });
            silo.UseSqliteReminderService(o => o.DatabasePath = Path.Combine(data, "reminders.db"));
            silo.Services.AddSingleton(results);
            services(silo.Services);
            silo.Services.AddTestResults();
            silo.Services.AddTestExecution(o =>
            {
                o.WorkspaceRoot = workspaceRoot;
                o.ArtifactRoot = Path.Combine(data, "artifacts");
            });
            silo.Services.AddAutoRepair(o =>
            {
                o.TickInterval = TimeSpan.FromMilliseconds(100);
                o.MinMonitorInterval = TimeSpan.FromMilliseconds(100);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Runs the shop's test runner over the repository's files, as the monitor does.</summary>
    public static MonitorDefinition TestsMonitor(int intervalSeconds = 3600) => new(
        "tests",
        FindingKind.TestFailure,
        ["python3", "check.py"],
        MonitorOutput.JUnit,
        ".maestro/results.xml",
        intervalSeconds,
        60,
        ["python3", "check.py", "{test}"]);

    public static AutomationProjectConfig Config(ShopProject project, bool autoCommit = true, bool requireApproval = false, int intervalSeconds = 3600) =>
        new(project.Folder, [TestsMonitor(intervalSeconds)], AutoCommit: autoCommit, RequireApproval: requireApproval);
}
