namespace Maestro.GrainInterfaces.Audit;

/// <summary>Which days hold audit records (one grain, key <see cref="Key"/>), so queries and retention visit only those days.</summary>
public interface IAuditCatalogGrain : IGrainWithStringKey
{
    public const string Key = "audit";

    Task AddDayAsync(DateOnly day);

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> (both inclusive; null is open), ascending.</summary>
    Task<IReadOnlyList<DateOnly>> ListDaysAsync(DateOnly? from, DateOnly? to);

    Task RemoveDayAsync(DateOnly day);
}
