namespace Maestro.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment(int by);

    Task<int> Get();

    Task<string?> GetEtag();

    Task Clear();

    Task<Guid> GetActivationId();
}
