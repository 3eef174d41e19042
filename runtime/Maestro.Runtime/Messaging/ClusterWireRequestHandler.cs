using Maestro.Runtime.Activation;
using Maestro.Runtime.Cluster;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Messaging;

/// <summary>
/// The silo end of a remote call: decodes the request, dispatches it into this silo's catalog (this silo was chosen
/// by the caller's locator, so it activates the grain if needed) and turns the outcome into the wire response.
/// Every failure, including a bad request, reaches the caller as an exception in the response.
/// </summary>
internal sealed class ClusterWireRequestHandler(
    GrainRuntime runtime, WireCodec codec, ClusterView view, GrainLocator locator, ClusterMessageRouter router) : IWireRequestHandler
{
    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        Message message;
        try
        {
            message = codec.ToMessage(request, cancellationToken);
        }
        catch (WireFormatException ex)
        {
            return codec.ToResponse(request.Id, ex);
        }

        if (view.Refusal(message.Target) is { } refusal)
        {
            return codec.ToResponse(request.Id, refusal);
        }

        // Before its join and while it shuts down a silo takes no new grains; calls to grains it still runs may finish
        // their conversations.
        if (!view.IsAccepting && !runtime.Catalog.Hosts(message.Target))
        {
            return codec.ToResponse(request.Id, new SiloUnavailableException(
                $"Silo {view.LocalAddress?.ToString() ?? "(joining)"} is not accepting calls to new grains ({message.Target}). Retry against a running silo."));
        }

        if (message.Forwards == 0 && !runtime.Catalog.Hosts(message.Target) && KnownElsewhere(message.Target) is { } elsewhere)
        {
            // The caller's cache is stale and this silo knows better (it lost the race to activate the grain, or saw
            // it move): pass the call on once, instead of creating an activation only to lose the directory race again.
            message.Forwards = 1;
            router.SendTo(message, elsewhere);
        }
        else
        {
            try
            {
                runtime.Catalog.Dispatch(message, message.Target);
            }
            catch (Exception ex)
            {
                return codec.ToResponse(request.Id, ex);
            }
        }

        if (message.Response is not { } response)
        {
            return new WireResponse(request.Id, null, null);
        }

        WireResponse outcome;
        try
        {
            // No timer of its own: the caller resets the stream at its deadline (and a dead caller's connection
            // closes), and either cancels this token.
            await response.Completion.WaitAsync(cancellationToken);
            outcome = codec.ToResponse(request.Id, message.Method, message.Method.GetResult(response.Completion));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller reset the stream; the transport server drops the call.
            throw;
        }
        catch (Exception ex)
        {
            outcome = codec.ToResponse(request.Id, ex);
        }

        // Forwarded here or by an activation that lost the directory race: tell the caller to look the grain up again.
        return !runtime.Catalog.Hosts(message.Target) && KnownElsewhere(message.Target) is not null ? outcome with { Moved = true } : outcome;
    }

    private SiloAddress? KnownElsewhere(GrainId grainId) =>
        locator.TryGetCached(grainId, out var known) && known.SiloAddress != view.LocalAddress ? known.SiloAddress : null;
}
