using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.Events;
using Maestro.Grains.Tests.AutoRepair;
using Maestro.Grains.Tests.Infrastructure;
using Maestro.Runtime;
using Maestro.Runtime.Streams;
using Maestro.Runtime.TestingHost;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Maestro.Grains.Tests.Events;

/// <summary>
/// The platform's event flow on a real silo with the SQLite stream provider: jobs start and stop a project's
/// auto-repair, which publishes its status on the results stream; errors and heal requests become repairs through the
/// monitoring and healing workers; whatever a worker refuses ends in the dead letters with its reason while later
/// events still flow.
/// </summary>
public sealed class EventContractTests
{
    [Fact]
    public async Task Jobs_start_and_stop_the_project_and_errors_and_heal_requests_become_repairs()
    {
        using var project = new ShopProject();
        File.WriteAllText(Path.Combine(project.Folder, "pytest.ini"), "[pytest]\n");
        var log = new ResultLog();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner { Declines = true }, log);
        var streams = cluster.Client.GetStreamProvider(MaestroStreams.ProviderName);
        var jobs = streams.GetStream<AutomationJobEvent>(StreamId.Create(MaestroStreams.AutomationJobs, "shop"));
        var errors = streams.GetStream<ErrorReportedEvent>(StreamId.Create(MaestroStreams.Errors, "shop"));
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        var now = DateTimeOffset.UtcNow;

        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.StartMonitoring, project.Folder, new MonitoringConfig(AutoFix: false), null, null, now));
        var started = await Eventually.WaitForAsync(automation.GetStatus, s => s.IsRunning, "the start job to start the project");
        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.HealTestFailure, null, null, "LoginTest.Submit", "element #submit not found", now));
        await errors.OnNextBatchAsync(
        [
            new ErrorReportedEvent("type_error", "Type 'string' is not assignable to type 'number'.", "src/cart.ts", now),
            new ErrorReportedEvent("type_error", "Type 'string' is not assignable to type 'number'.", "src/cart.ts", now),
            new ErrorReportedEvent("lint_error", "'x' is never reassigned.", "src/a.js", now),
        ]);
        var history = await Eventually.WaitForAsync(() => automation.GetHistory(50), h => h.Count == 3, "three repairs: the heal request and two distinct errors");
        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.StopMonitoring, null, null, null, null, now));
        await Eventually.WaitForAsync(() => Task.FromResult(log.Events.Count(e => e.Event.Type == ResultEventTypes.StatusUpdate)), n => n == 2, "two status updates");

        Assert.Equal(["pytest"], started.Config!.Monitors.Select(m => m.Name));
        Assert.False(started.Config.AutoFix);
        Assert.Equal(["started", "stopped"], log.Events.Where(e => e.Event.Type == ResultEventTypes.StatusUpdate).Select(e => e.Event.Status));
        // The heal request takes two streams (jobs, then healing) and the errors one, so they arrive in either order.
        Assert.Equal(
            [(MonitoringWorkerGrain.ExternalMonitor, "src/a.js"), (MonitoringWorkerGrain.ExternalMonitor, "src/cart.ts"), (HealingWorkerGrain.HealRequestMonitor, "LoginTest.Submit")],
            history.Select(r => (r.Monitor, r.Finding.Code)).Order());
        Assert.Equal(1, (await automation.GetStatus()).Statistics.Deduplicated);
        Assert.False((await automation.GetStatus()).IsRunning);
        var worker = await cluster.GrainFactory.GetGrain<IMonitoringWorkerGrain>("shop").GetStatistics();
        Assert.Equal(new Dictionary<string, long> { ["type_error"] = 2, ["lint_error"] = 1 }, worker.ByType);
    }

    [Fact]
    public async Task What_a_worker_refuses_is_dead_lettered_with_its_reason_and_later_events_still_flow()
    {
        using var project = new ShopProject();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner { Declines = true }, new ResultLog());
        var streams = cluster.Client.GetStreamProvider(MaestroStreams.ProviderName);
        var jobs = streams.GetStream<AutomationJobEvent>(StreamId.Create(MaestroStreams.AutomationJobs, "shop"));
        var now = DateTimeOffset.UtcNow;

        await jobs.OnNextAsync(new AutomationJobEvent("reboot_everything", null, null, null, null, now));
        await streams.GetStream<ErrorReportedEvent>(StreamId.Create(MaestroStreams.Errors, "nobody")).OnNextAsync(new ErrorReportedEvent("type_error", "bad", "a.ts", now));
        await streams.GetStream<ErrorReportedEvent>(StreamId.Create(MaestroStreams.Errors, "shop")).OnNextAsync(new ErrorReportedEvent("syntax", "bad", "a.ts", now));
        await cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop").Start(AutomationCluster.Config(project));

        var deadLetters = await Eventually.WaitForAsync(() => DeadLetterErrorsAsync(cluster), e => e.Count == 3, "three dead letters");
        Assert.Contains(deadLetters, e => e.Contains("Unknown automation job type 'reboot_everything'", StringComparison.Ordinal));
        Assert.Contains(deadLetters, e => e.Contains("Project 'nobody' is not watched", StringComparison.Ordinal));
        Assert.Contains(deadLetters, e => e.Contains("Unknown error type 'syntax'", StringComparison.Ordinal));
        Assert.True((await cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop").GetStatus()).IsRunning);
    }

    private static async Task<List<string>> DeadLetterErrorsAsync(InProcessTestCluster cluster)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(cluster.DataDirectory, "streams.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT error FROM stream_dead_letters";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var errors = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            errors.Add(reader.GetString(0));
        }

        return errors;
    }
}
