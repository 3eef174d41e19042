namespace Maestro.Runtime.Tests.Streams.Grains;

public interface IImplicitConsumerGrain : IGrainWithStringKey
{
    Task<string> GetSiloName();
}
