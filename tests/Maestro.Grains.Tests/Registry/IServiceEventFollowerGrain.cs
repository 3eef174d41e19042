namespace Maestro.Grains.Tests.Registry;

/// <summary>Follows one service's events on the registry stream (key: the service name).</summary>
public interface IServiceEventFollowerGrain : IGrainWithStringKey
{
    Task Ping();
}
