namespace Maestro.Runtime.Tests.Streams.Grains;

/// <summary>What a consumer saw: which consumer, which event, where in the log, and on which silo.</summary>
public sealed record ReceivedEvent(string Consumer, int Number, long Sequence, Guid EventId, string Silo, Guid ActivationId);
