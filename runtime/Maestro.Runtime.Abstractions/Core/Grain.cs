using Maestro.Runtime.Streams;

namespace Maestro.Runtime;

/// <summary>Base class for grains. The runtime constructs it; never call <c>new</c> on a grain class.</summary>
public abstract class Grain : IGrainBase, IStreamConsumerExtension
{
    protected Grain()
        : this(RuntimeContext.Current ?? throw new InvalidOperationException(
            "A grain can only be constructed by the runtime, during activation."))
    {
    }

    protected Grain(IGrainContext grainContext)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        GrainContext = grainContext;
    }

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    public string IdentityString => GrainContext.GrainId.ToString();

    public string RuntimeIdentity => $"{GrainContext.GrainId}@{GrainContext.ActivationId:N}";

    public IAddressable GrainReference => GrainContext.GrainReference;

    public IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    public IGrainFactory GrainFactory =>
        (IGrainFactory?)ServiceProvider.GetService(typeof(IGrainFactory))
        ?? throw new InvalidOperationException("No IGrainFactory is registered.");

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request completes.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    // Every grain can consume streams: the pulling agent calls this, and the runtime hands the events to the observers
    // this activation attached with SubscribeAsync or ResumeAsync.
    Task<StreamDeliveryResult> IStreamConsumerExtension.DeliverStreamEvents(StreamEventBatch batch) => StreamConsumerDispatch.DeliverAsync(this, batch);
}
