using Maestro.Runtime.Reminders;
using Maestro.Runtime.Statistics;
using Maestro.Runtime.Streams;

namespace Maestro.Dashboard.Statistics;

/// <summary>
/// Asks every Active silo's statistics grain for its figures, in parallel and each within a bound, so one slow or
/// dying silo shows as an error on its row instead of stalling the overview. Asking switches counting on there.
/// Reminders and stream queues are the cluster's tables, so one Active silo's grain reads them: through grains only,
/// this works the same in a silo and in the gateway, which has no database.
/// </summary>
public sealed class ClusterStatisticsReader(IGrainFactory grains, TimeProvider timeProvider)
{
    /// <summary>How long one silo may take to answer before the overview is served without it.</summary>
    public static readonly TimeSpan SiloTimeout = TimeSpan.FromSeconds(2);

    public async Task<ClusterOverview> ReadAsync(CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(h => h.Status == "Active").ToList();
        var answers = await Task.WhenAll(active.Select(h => AskAsync(h.Address, cancellationToken)));
        var reports = answers.Where(a => a.Report is not null).ToDictionary(a => a.Address, a => a.Report!, StringComparer.Ordinal);
        var errors = answers.Where(a => a.Error is not null).ToDictionary(a => a.Address, a => a.Error!, StringComparer.Ordinal);
        return ClusterOverviewBuilder.Build(hosts, reports, errors, timeProvider.GetUtcNow());
    }

    /// <summary>A page of the reminder table, read by one Active silo; empty when no silo is Active.</summary>
    public async Task<ReminderPage> ReadRemindersAsync(int offset, int limit, CancellationToken cancellationToken) =>
        await AnySiloAsync() is { } silo
            ? await silo.GetReminderPage(offset, limit).WaitAsync(cancellationToken)
            : new ReminderPage(0, offset, limit, []);

    /// <summary>Every stream queue with its owner, lag and dead letters, read by one Active silo.</summary>
    public async Task<IReadOnlyList<StreamQueueStatus>> ReadStreamsAsync(CancellationToken cancellationToken) =>
        await AnySiloAsync() is { } silo ? await silo.GetStreamQueues().WaitAsync(cancellationToken) : [];

    private async Task<ISiloStatisticsGrain?> AnySiloAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        return hosts.Where(h => h.Status == "Active").OrderBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault() is { } host
            ? grains.GetGrain<ISiloStatisticsGrain>(host.Address)
            : null;
    }

    private async Task<(string Address, SiloStatistics? Report, string? Error)> AskAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            var report = await grains.GetGrain<ISiloStatisticsGrain>(address).GetStatistics().WaitAsync(SiloTimeout, cancellationToken);
            return (address, report, null);
        }
        catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansException)
        {
            // Shown on the silo's row: the overview still answers for the others.
            return (address, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
