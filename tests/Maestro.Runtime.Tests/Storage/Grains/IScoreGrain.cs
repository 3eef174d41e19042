namespace Maestro.Runtime.Tests.Storage.Grains;

/// <summary>A second grain type with the same state name and state type as <see cref="IPersistentCounterGrain"/> (Orleans #8746).</summary>
public interface IScoreGrain : IGrainWithStringKey
{
    Task<int> Add(int points);

    Task<int> Get();
}
