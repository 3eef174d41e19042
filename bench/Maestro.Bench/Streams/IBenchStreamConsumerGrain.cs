namespace Maestro.Bench.Streams;

public interface IBenchStreamConsumerGrain : IGrainWithStringKey
{
    Task Ping();
}
