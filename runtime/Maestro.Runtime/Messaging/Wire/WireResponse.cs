namespace Maestro.Runtime.Messaging.Wire;

/// <summary>The outcome of a grain call: a result, or the exception the grain threw (exactly one is set).</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Result">The result, when the method has one and succeeded.</param>
/// <param name="Exception">The exception the call ended with.</param>
/// <param name="Moved">
/// The silo that was called does not host the grain and passed the call on: the caller's cached location is stale
/// and should be looked up again, so its next calls go straight to the grain.
/// </param>
internal sealed record WireResponse(long Id, WireValue? Result, WireError? Exception, bool Moved = false);
