using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Maestro.Runtime.Streams;

/// <summary>
/// The observers each activation attached, by subscription id. Kept beside the activation rather than in it, and
/// dropped with it: a new activation starts with none and must resume its subscriptions, as in Orleans.
/// </summary>
internal sealed class ActivationStreamBindings
{
    private readonly ConditionalWeakTable<IGrainContext, ConcurrentDictionary<Guid, IStreamObserverBinding>> bindings = new();

    public ConcurrentDictionary<Guid, IStreamObserverBinding> For(IGrainContext activation) => bindings.GetOrCreateValue(activation);
}
