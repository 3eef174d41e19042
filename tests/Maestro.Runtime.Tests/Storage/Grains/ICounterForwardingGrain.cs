namespace Maestro.Runtime.Tests.Storage.Grains;

/// <summary>Calls a <see cref="IPersistentCounterGrain"/>, to see what a caller goes through when the callee's write conflicts.</summary>
public interface ICounterForwardingGrain : IGrainWithStringKey
{
    Task<int> AddTo(string counterKey, int amount);

    Task<Guid> GetActivationId();
}
