namespace Maestro.Runtime.Messaging.Wire;

/// <summary>The outcome of a grain call: a result, or the exception the grain threw (exactly one is set).</summary>
internal sealed record WireResponse(long Id, WireValue? Result, WireError? Exception);
