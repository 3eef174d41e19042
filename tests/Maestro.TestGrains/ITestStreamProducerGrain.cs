using Maestro.Runtime;

namespace Maestro.TestGrains;

/// <summary>Publishes to stream ("test.events", streamKey); its key is "streamKey|first|count", since test-support calls take no arguments.</summary>
public interface ITestStreamProducerGrain : IGrainWithStringKey
{
    /// <summary>Appends events first .. first+count-1 in one batch; returns once they are durable.</summary>
    Task<int> Publish();
}
