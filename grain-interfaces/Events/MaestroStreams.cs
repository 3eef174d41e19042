namespace Maestro.GrainInterfaces.Events;

/// <summary>
/// The platform's event contract: the five stream namespaces that replace the original's Redis Streams
/// (<c>maestro:streams:automation:*</c>). A stream's key is the project it concerns, which is also the key of the
/// worker grain implicitly subscribed to it. Every event record carries <c>SchemaVersion</c>; consumers recognise a
/// redelivered event by the <c>EventId</c> of its <c>StreamSequenceToken</c>.
/// </summary>
public static class MaestroStreams
{
    /// <summary>The silo's default stream provider, which carries these namespaces.</summary>
    public const string ProviderName = "Default";

    /// <summary>Was <c>maestro:streams:automation:jobs</c>: <see cref="AutomationJobEvent"/>, read by <see cref="IAutomationWorkerGrain"/>.</summary>
    public const string AutomationJobs = "maestro.automation.jobs";

    /// <summary>Was <c>maestro:streams:automation:healing</c>: <see cref="HealingRequestedEvent"/>, read by <see cref="IHealingWorkerGrain"/>.</summary>
    public const string Healing = "maestro.automation.healing";

    /// <summary>Was <c>maestro:streams:automation:errors</c>: <see cref="ErrorReportedEvent"/>, read by <see cref="IMonitoringWorkerGrain"/>.</summary>
    public const string Errors = "maestro.automation.errors";

    /// <summary>Was <c>maestro:streams:automation:validation</c> (unused there): <see cref="ValidationCompletedEvent"/>.</summary>
    public const string Validation = "maestro.automation.validation";

    /// <summary>Was <c>maestro:streams:automation:results</c>: <see cref="ResultEvent"/> (status updates and repair results).</summary>
    public const string Results = "maestro.automation.results";

    /// <summary>
    /// Every audit record, as <see cref="Audit.AuditEvent"/>; the stream key is the record's UTC day (<c>yyyy-MM-dd</c>),
    /// which is also the key of the audit day grain implicitly subscribed to it.
    /// </summary>
    public const string Audit = "maestro.audit";

    /// <summary>
    /// Every registry change (registration, status change, deregistration, removal), as
    /// <see cref="Registry.ServiceEvent"/>; the stream key is the service name.
    /// </summary>
    public const string ServiceEvents = "maestro.registry.services";
}
