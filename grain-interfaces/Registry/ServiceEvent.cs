namespace Maestro.GrainInterfaces.Registry;

/// <summary>A change of a registered service, as published to <c>IServiceEventPublisher</c> (later: a stream).</summary>
public sealed record ServiceEvent(string ServiceName, ServiceEventKind Kind, ServiceStatus? From, ServiceStatus? To, DateTimeOffset At, string Reason);
