using Maestro.Runtime;

namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>Which projects are watched (one instance, key <see cref="Key"/>): the list behind "active orchestrators" and the metrics.</summary>
public interface IAutomationIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Records that a project started or stopped watching.</summary>
    Task Record(string projectId, bool isRunning);

    /// <summary>Every project that was ever started, with whether it runs now, ordered by id.</summary>
    Task<IReadOnlyDictionary<string, bool>> List();
}
