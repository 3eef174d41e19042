using System.Runtime.CompilerServices;
using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Activation;

/// <summary>Local objects exposed to grains through <see cref="IGrainFactory.CreateObjectReference{T}"/>.</summary>
internal sealed class ObserverRegistry(GrainRuntime runtime)
{
    public static readonly GrainType ObserverType = new("observer");

    private readonly ConditionalWeakTable<IGrainObserver, ActivationData> registered = new();

    public GrainId Register(IGrainObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var activation = registered.GetValue(observer, o =>
        {
            var metadata = new GrainClassMetadata(o.GetType(), ObserverType, isObserver: true);
            var created = new ActivationData(new GrainId(ObserverType, Guid.NewGuid().ToString("N")), metadata, runtime, presetInstance: o);
            runtime.Catalog.AddObserver(created);
            return created;
        });
        return activation.GrainId;
    }

    public void Unregister(IGrainObserver observer)
    {
        if (registered.TryGetValue(observer, out var activation))
        {
            registered.Remove(observer);
            activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeleteObjectReference was called."));
        }
    }
}
