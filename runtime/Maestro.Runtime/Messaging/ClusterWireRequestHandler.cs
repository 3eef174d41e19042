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
internal sealed class ClusterWireRequestHandler(GrainRuntime runtime, WireCodec codec, ClusterView view) : IWireRequestHandler
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

        try
        {
            runtime.Catalog.Dispatch(message, message.Target);
        }
        catch (Exception ex)
        {
            return codec.ToResponse(request.Id, ex);
        }

        if (message.Response is not { } response)
        {
            return new WireResponse(request.Id, null, null);
        }

        object? result;
        try
        {
            // No timer of its own: the caller resets the stream at its deadline (and a dead caller's connection
            // closes), and either cancels this token.
            await response.Completion.WaitAsync(cancellationToken);
            result = message.Method.GetResult(response.Completion);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller reset the stream; the transport server drops the call.
            throw;
        }
        catch (Exception ex)
        {
            return codec.ToResponse(request.Id, ex);
        }

        return codec.ToResponse(request.Id, message.Method, result);
    }
}
