using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Silo.Hosting;

/// <summary>
/// Wakes every watched project when the silo starts: its activation resumes the monitors and the repairs a crash
/// interrupted at once, rather than at the project's keep-alive reminder up to a minute later.
/// </summary>
public sealed partial class AutomationResumer(IGrainFactory grains, ILogger<AutomationResumer> logger) : IHostedService
{
    // Activations are cheap grain calls; a few at once keep start-up short with thousands of projects.
    private const int ConcurrentWakes = 16;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Stopped projects too: a fix approved after its project stopped may have been in flight.
        var projects = await grains.GetGrain<IAutomationIndexGrain>(IAutomationIndexGrain.Key).List();
        var failed = 0;
        await Parallel.ForEachAsync(
            projects.Keys,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWakes, CancellationToken = cancellationToken },
            async (project, _) =>
            {
                try
                {
                    await grains.GetGrain<IProjectAutomationGrain>(project).GetStatus();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One project that cannot activate must not keep the silo from starting; its keep-alive
                    // reminder tries again.
                    Interlocked.Increment(ref failed);
                    LogWakeFailed(logger, project, ex);
                }
            });

        if (projects.Count > 0)
        {
            LogWoken(logger, projects.Count - failed, projects.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Woken} of {Count} watched projects; their interrupted repairs resume now")]
    private static partial void LogWoken(ILogger logger, int woken, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake watched project {Project} at start-up; its keep-alive reminder will")]
    private static partial void LogWakeFailed(ILogger logger, string project, Exception exception);
}
