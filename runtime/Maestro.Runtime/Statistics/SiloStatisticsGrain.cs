using Maestro.Runtime.Activation;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Placement;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;

namespace Maestro.Runtime.Statistics;

/// <summary>Answers <see cref="ISiloStatisticsGrain"/> on the silo its key names; reentrant, since it only reads.</summary>
[Reentrant]
[SiloBoundPlacement]
internal sealed class SiloStatisticsGrain(GrainRuntime runtime, GrainCallStatistics statistics, ISiloStatus status, IServiceProvider services) : Grain, ISiloStatisticsGrain
{
    public Task<SiloStatistics> GetStatistics()
    {
        statistics.KeepCollecting();
        var activations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var activation in runtime.Catalog.Activations)
        {
            var type = activation.GrainId.Type.Value;
            activations[type] = activations.GetValueOrDefault(type) + 1;
        }

        return Task.FromResult(statistics.Snapshot(this.GetPrimaryKeyString(), status.SiloName, status.StartedAt ?? DateTimeOffset.UtcNow, activations));
    }

    public async Task<ReminderPage> GetReminderPage(int offset, int limit) =>
        services.GetService<ReminderListing>() is { } listing
            ? await listing.ReadPageAsync(offset, limit, CancellationToken.None)
            : new ReminderPage(0, offset, limit, []);

    public async Task<IReadOnlyList<StreamQueueStatus>> GetStreamQueues() =>
        services.GetService<StreamQueueListing>() is { } listing ? await listing.ReadAsync(CancellationToken.None) : [];
}
