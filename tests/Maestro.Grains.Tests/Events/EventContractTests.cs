using Maestro.GrainInterfaces.Events;
using Maestro.Grains.Events;
using Maestro.Runtime;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Streams;
using Maestro.Runtime.TestingHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Maestro.Grains.Tests.Events;

/// <summary>
/// The platform's event contract on a real silo with the SQLite stream provider: jobs reach the project's automation
/// worker, which publishes status updates to results and forwards heal jobs to the healing worker; errors reach the
/// monitoring worker; a job the worker rejects ends in the dead letters with its error while later jobs still flow.
/// </summary>
public sealed class EventContractTests
{
    [Fact]
    public async Task Jobs_errors_and_heal_requests_reach_their_workers_and_results_are_published()
    {
        var log = new ResultLog();
        await using var cluster = await StartAsync(log);
        var streams = cluster.Client.GetStreamProvider(MaestroStreams.ProviderName);
        var jobs = streams.GetStream<AutomationJobEvent>(StreamId.Create(MaestroStreams.AutomationJobs, "project-a"));
        var errors = streams.GetStream<ErrorReportedEvent>(StreamId.Create(MaestroStreams.Errors, "project-a"));
        var now = DateTimeOffset.UtcNow;

        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.StartMonitoring, "/src/a", new MonitoringConfig(), null, null, now));
        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.HealTestFailure, null, null, "LoginTest.Submit", "element #submit not found", now));
        await errors.OnNextBatchAsync([new ErrorReportedEvent("syntax", "unexpected token", "a.ts", now), new ErrorReportedEvent("syntax", "missing ;", "b.ts", now), new ErrorReportedEvent("test", "1 failed", null, now)]);
        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.StopMonitoring, null, null, null, null, now));

        await EventuallyAsync(() => log.Events.Count(e => e.Project == "project-a") == 2, "two status updates were published");
        Assert.Equal(["started", "stopped"], log.Events.Where(e => e.Project == "project-a").Select(e => e.Event.Status));
        Assert.All(log.Events, e => Assert.Equal(ResultEventTypes.StatusUpdate, e.Event.Type));

        var automation = await cluster.GrainFactory.GetGrain<IAutomationWorkerGrain>("project-a").GetStatistics();
        Assert.Equal(3, automation.Handled);
        Assert.False(automation.Monitoring);
        await EventuallyAsync(async () => (await cluster.GrainFactory.GetGrain<IHealingWorkerGrain>("project-a").GetStatistics()).Handled == 1, "the heal job reached the healing worker");
        var monitoring = await cluster.GrainFactory.GetGrain<IMonitoringWorkerGrain>("project-a").GetStatistics();
        Assert.Equal(new Dictionary<string, long> { ["syntax"] = 2, ["test"] = 1 }, monitoring.ByType);
    }

    [Fact]
    public async Task A_rejected_job_is_dead_lettered_with_its_error_and_later_jobs_still_run()
    {
        var log = new ResultLog();
        await using var cluster = await StartAsync(log);
        var jobs = cluster.Client.GetStreamProvider(MaestroStreams.ProviderName).GetStream<AutomationJobEvent>(StreamId.Create(MaestroStreams.AutomationJobs, "project-b"));
        var now = DateTimeOffset.UtcNow;

        await jobs.OnNextAsync(new AutomationJobEvent("reboot_everything", null, null, null, null, now));
        await jobs.OnNextAsync(new AutomationJobEvent(AutomationJobTypes.StartMonitoring, "/src/b", new MonitoringConfig(RequireApproval: true), null, null, now));

        await EventuallyAsync(() => log.Events.Any(e => e.Project == "project-b" && e.Event.Status == "started"), "the valid job after the rejected one ran");
        var error = Assert.Single(await DeadLetterErrorsAsync(cluster));
        Assert.Contains("Unknown automation job type 'reboot_everything'", error, StringComparison.Ordinal);
        Assert.True((await cluster.GrainFactory.GetGrain<IAutomationWorkerGrain>("project-b").GetStatistics()).Monitoring);
    }

    private static async Task<InProcessTestCluster> StartAsync(ResultLog log)
    {
        var builder = new InProcessTestClusterBuilder();
        var data = builder.Options.DataDirectory;
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(log);
            silo.AddGrainAssembly(typeof(AutomationWorkerGrain).Assembly);
            silo.AddSqliteStreams(MaestroStreams.ProviderName, o =>
            {
                o.DatabasePath = Path.Combine(data, "streams.db");
                o.RetryBackoff = TimeSpan.FromMilliseconds(10);
                o.MaxRetryBackoff = TimeSpan.FromMilliseconds(50);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
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

    private static Task EventuallyAsync(Func<bool> condition, string what) => EventuallyAsync(() => Task.FromResult(condition()), what);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, $"Timed out waiting until {what}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
