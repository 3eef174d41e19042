using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Silo.Hosting;

/// <summary>
/// Wakes every watched project when the silo starts: its activation resumes the monitors and the repairs a crash
/// interrupted at once, rather than at the project's keep-alive reminder up to a minute later.
/// </summary>
public sealed partial class AutomationResumer(IGrainFactory grains, ILogger<AutomationResumer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Stopped projects too: a fix approved after its project stopped may have been in flight.
        var projects = await grains.GetGrain<IAutomationIndexGrain>(IAutomationIndexGrain.Key).List();
        foreach (var project in projects.Keys)
        {
            await grains.GetGrain<IProjectAutomationGrain>(project).GetStatus();
        }

        if (projects.Count > 0)
        {
            LogWoken(logger, projects.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} watched projects; their interrupted repairs resume now")]
    private static partial void LogWoken(ILogger logger, int count);
}
