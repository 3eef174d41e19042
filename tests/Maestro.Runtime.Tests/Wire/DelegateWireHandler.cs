using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Tests.Wire;

/// <summary>A transport handler made of a delegate, counting the calls that reach it.</summary>
internal sealed class DelegateWireHandler(Func<WireRequest, CancellationToken, Task<WireResponse>> handle) : IWireRequestHandler
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return handle(request, cancellationToken);
    }
}
