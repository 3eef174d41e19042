using Maestro.Runtime;

namespace Maestro.Grains.Tests.Events;

public interface IResultFollowerGrain : IGrainWithStringKey
{
    Task Ping();
}
