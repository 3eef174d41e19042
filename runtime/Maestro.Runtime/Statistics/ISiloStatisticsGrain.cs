using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;

namespace Maestro.Runtime.Statistics;

/// <summary>
/// One per silo, keyed by the silo's address as <see cref="IManagementGrain.GetDetailedHosts"/> reports it: always
/// activated on that silo, so asking each host's grain gathers the cluster's statistics. Asking switches counting on
/// there for <see cref="GrainCallStatisticsOptions.CollectionWindow"/>. It also reads the cluster's reminder and
/// stream tables for a caller that cannot (a client such as the REST gateway has no database).
/// </summary>
public interface ISiloStatisticsGrain : IGrainWithStringKey
{
    /// <summary>This silo's figures now.</summary>
    Task<SiloStatistics> GetStatistics();

    /// <summary>
    /// Reminders <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> (1 to
    /// <see cref="ReminderListing.MaxLimit"/>) of the reminder table, read a page at a time; an empty page when this
    /// silo runs no reminder service. Does not switch counting on.
    /// </summary>
    Task<ReminderPage> GetReminderPage(int offset, int limit);

    /// <summary>Every queue of this silo's stream providers with its owner, lag and dead letters; empty when it runs no streams.</summary>
    Task<IReadOnlyList<StreamQueueStatus>> GetStreamQueues();
}
