using Maestro.GrainInterfaces.Registry;
using Maestro.Grains.Hosting;

namespace Maestro.Grains.Registry;

/// <summary>
/// Grain timers live and die with their activation, and a silo that restarts or dies takes its activations with it.
/// This hosted service, on every silo, wakes every indexed service grain at start and every
/// <see cref="ServiceRegistryOptions.SupervisorPeriod"/>, so heartbeat expiry and probes resume wherever the grain
/// is activated next. The wake-up is idempotent and cheap for a grain that is already active.
/// </summary>
public sealed class ServiceRegistrySupervisor(
    IGrainFactory grains,
    IOptions<ServiceRegistryOptions> options,
    TimeProvider timeProvider,
    ILogger<ServiceRegistrySupervisor> logger) : PeriodicSiloService(timeProvider, logger)
{
    protected override TimeSpan Period => options.Value.SupervisorPeriod;

    protected override string RoundName => "Waking the registered services";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => WakeAllAsync();

    /// <summary>Wakes every indexed service once.</summary>
    public async Task WakeAllAsync()
    {
        var entries = await grains.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).QueryAsync(new ServiceQuery());
        foreach (var entry in entries)
        {
            await grains.GetGrain<IServiceGrain>(entry.Name).EnsureMonitoredAsync();
        }
    }
}
