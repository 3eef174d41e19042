using Maestro.Runtime;

namespace Maestro.TestGrains;

/// <summary>Implicitly subscribed to ("test.events", its key); persists every delivery.</summary>
public interface ITestStreamConsumerGrain : IGrainWithStringKey
{
    /// <summary>"number:eventId" for every delivery so far, in order, duplicates included.</summary>
    Task<List<string>> GetDeliveries();
}
