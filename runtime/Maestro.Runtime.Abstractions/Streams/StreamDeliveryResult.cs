using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Streams;

/// <summary>
/// How far a delivery got: the first <see cref="Delivered"/> events were handled; when <see cref="Error"/> is set, the
/// next one failed with it and the rest were not tried, so the agent retries from that event.
/// </summary>
[Immutable]
public sealed record StreamDeliveryResult(int Delivered, string? Error);
