using Maestro.Runtime.Activation;
using Maestro.Runtime.Configuration;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Hosting;

/// <summary>Deactivates activations idle longer than their collection age, every collection quantum.</summary>
internal sealed class ActivationCollector(GrainRuntime runtime, IOptions<GrainCollectionOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionQuantum);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                CollectIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    internal void CollectIdle()
    {
        var now = Environment.TickCount64;
        var settings = options.Value;
        foreach (var activation in runtime.Catalog.Activations)
        {
            var metadata = activation.Metadata;
            var age = metadata.KeepAlive ? Timeout.InfiniteTimeSpan
                : settings.ClassSpecificCollectionAge.TryGetValue(metadata.ClassType.FullName!, out var specific) ? specific
                : metadata.CollectionAgeLimit ?? settings.CollectionAge;
            if (activation.IsIdleFor(age, now))
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"No calls for {age}."));
            }
        }
    }
}
