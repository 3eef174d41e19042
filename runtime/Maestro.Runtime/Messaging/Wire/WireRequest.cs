namespace Maestro.Runtime.Messaging.Wire;

/// <summary>A grain call as it crosses a silo boundary.</summary>
/// <param name="Id">The caller's message id, echoed in the response.</param>
/// <param name="Target">The target grain id, <c>type/key</c>.</param>
/// <param name="Source">The calling grain's id, when a grain made the call.</param>
/// <param name="Interface">The interface's stable name: its [Alias], else its full name.</param>
/// <param name="Method">The method's [Alias], else its name.</param>
/// <param name="ParameterTypes">The parameter types' wire names, which pick one overload.</param>
/// <param name="Arguments">One value per parameter; a CancellationToken's slot is JSON null.</param>
/// <param name="Context">RequestContext entries.</param>
/// <param name="ReentrancyId">The call chain, when call-chain reentrancy is on; otherwise empty.</param>
/// <param name="Timeout">How long the caller waits.</param>
/// <param name="OneWay">Nobody waits for the response.</param>
/// <param name="Forwards">How many silos passed the call on already; a forwarded call is never forwarded again.</param>
internal sealed record WireRequest(
    long Id,
    string Target,
    string? Source,
    string Interface,
    string Method,
    string[] ParameterTypes,
    WireValue[] Arguments,
    Dictionary<string, WireValue>? Context,
    Guid ReentrancyId,
    TimeSpan Timeout,
    bool OneWay,
    int Forwards = 0);
