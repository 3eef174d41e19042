namespace Maestro.Grains.Workflows;

/// <summary>
/// Where <c>publish</c> steps send their events. The default keeps them in <c>IWorkflowEventLogGrain</c> per stream;
/// when Maestro's streams exist, an implementation over <c>IAsyncStream</c> replaces it (register it before
/// <c>AddMaestroWorkflows</c>, which only adds the default when none is registered).
/// </summary>
public interface IWorkflowEventPublisher
{
    /// <summary>Publishes and returns the event's sequence number in its stream.</summary>
    Task<long> PublishAsync(string stream, string workflowId, string stepId, IReadOnlyDictionary<string, string> payload, CancellationToken cancellationToken);
}
