using System.Collections.Concurrent;
using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Tests.Registry;

/// <summary>Every service event the registry stream delivered to <see cref="ServiceEventFollowerGrain"/>, in order of arrival.</summary>
public sealed class ServiceEventLog
{
    public ConcurrentQueue<ServiceEvent> Events { get; } = new();
}
