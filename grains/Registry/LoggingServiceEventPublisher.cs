using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>Publishes service events as structured log entries (category <c>Maestro.Grains.Registry.ServiceEvents</c>).</summary>
public sealed partial class LoggingServiceEventPublisher(ILoggerFactory loggerFactory) : IServiceEventPublisher
{
    private readonly ILogger logger = loggerFactory.CreateLogger("Maestro.Grains.Registry.ServiceEvents");

    public Task PublishAsync(ServiceEvent serviceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceEvent);
        LogEvent(logger, serviceEvent.ServiceName, serviceEvent.Kind, serviceEvent.From, serviceEvent.To, serviceEvent.Reason);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service {Service}: {Kind} {From} -> {To} ({Reason})")]
    private static partial void LogEvent(ILogger logger, string service, ServiceEventKind kind, ServiceStatus? from, ServiceStatus? to, string reason);
}
