namespace Maestro.Runtime.Tests.Storage.Grains;

/// <summary>A counter whose every change is written to its "count" state before the call returns.</summary>
public interface IPersistentCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    /// <summary>Adds, and on a write conflict reloads the stored value and applies the amount to it instead.</summary>
    Task<int> AddReloadingOnConflict(int amount);

    Task<int> Get();

    Task<string?> GetEtag();

    Task<Guid> GetActivationId();
}
