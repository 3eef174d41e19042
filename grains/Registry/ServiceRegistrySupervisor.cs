using Maestro.GrainInterfaces.Registry;
using Microsoft.Extensions.Hosting;

namespace Maestro.Grains.Registry;

/// <summary>
/// Grain timers live and die with their activation, and a silo that restarts or dies takes its activations with it.
/// This hosted service, on every silo, wakes every indexed service grain at start and every
/// <see cref="ServiceRegistryOptions.SupervisorPeriod"/>, so heartbeat expiry and probes resume wherever the grain
/// is activated next. The wake-up is idempotent and cheap for a grain that is already active.
/// </summary>
public sealed partial class ServiceRegistrySupervisor(
    IGrainFactory grains,
    IOptions<ServiceRegistryOptions> options,
    TimeProvider timeProvider,
    ILogger<ServiceRegistrySupervisor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WakeAllAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWakeFailed(logger, ex);
            }

            await Task.Delay(options.Value.SupervisorPeriod, timeProvider, stoppingToken);
        }
    }

    /// <summary>Wakes every indexed service once.</summary>
    public async Task WakeAllAsync()
    {
        var entries = await grains.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).QueryAsync(new ServiceQuery());
        foreach (var entry in entries)
        {
            await grains.GetGrain<IServiceGrain>(entry.Name).EnsureMonitoredAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking the registered services failed; trying again next period.")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
