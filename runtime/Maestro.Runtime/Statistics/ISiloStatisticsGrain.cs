namespace Maestro.Runtime.Statistics;

/// <summary>
/// One per silo, keyed by the silo's address as <see cref="IManagementGrain.GetDetailedHosts"/> reports it: always
/// activated on that silo, so asking each host's grain gathers the cluster's statistics. Asking switches counting on
/// there for <see cref="GrainCallStatisticsOptions.CollectionWindow"/>.
/// </summary>
public interface ISiloStatisticsGrain : IGrainWithStringKey
{
    /// <summary>This silo's figures now.</summary>
    Task<SiloStatistics> GetStatistics();
}
