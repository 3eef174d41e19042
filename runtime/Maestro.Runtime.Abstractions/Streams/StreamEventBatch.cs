using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Streams;

/// <summary>
/// Consecutive events of one stream for one subscription, in log order. Immutable: nobody changes a batch once made,
/// so a local delivery passes it by reference instead of deep-copying hundreds of events.
/// </summary>
[Immutable]
public sealed record StreamEventBatch(string ProviderName, string StreamNamespace, string StreamKey, Guid SubscriptionId, bool Implicit, StreamEventRecord[] Events);
