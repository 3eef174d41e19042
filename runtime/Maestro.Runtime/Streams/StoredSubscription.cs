namespace Maestro.Runtime.Streams;

/// <summary>One explicit subscription: which grain receives a stream's events under which id.</summary>
internal sealed record StoredSubscription(StreamId StreamId, Guid SubscriptionId, GrainId GrainId);
