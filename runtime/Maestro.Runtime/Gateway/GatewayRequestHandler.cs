using Maestro.Runtime.Messaging;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Gateway;

/// <summary>
/// The gateway end of a client's call: decodes it and sends it through this silo's router, exactly as a call made by
/// code in this silo, so placement and the directory decide where it runs. Every failure reaches the client as an
/// exception in the response.
/// </summary>
internal sealed class GatewayRequestHandler(IMessageRouter router, WireCodec codec, PendingCalls pendingCalls, ILogger<GatewayRequestHandler> logger)
    : IWireRequestHandler
{
    public async Task<WireResponse> HandleAsync(WireRequest request, CancellationToken cancellationToken)
    {
        Message message;
        try
        {
            // A client is not a grain: a source would let it pose as one (call-chain checks, logs).
            message = request.Source is null
                ? codec.ToMessage(request, cancellationToken)
                : throw new WireFormatException($"A client call names a calling grain ({request.Source}); clients are not grains, so the gateway refuses it.");
        }
        catch (WireFormatException ex)
        {
            return codec.ToResponse(request.Id, ex);
        }

        if (message.Response is not { } response)
        {
            try
            {
                router.Send(message);
            }
            catch (Exception ex) when (ex is OrleansException or InvalidOperationException)
            {
                logger.LogWarning(ex, "One-way client call {Method} to {Grain} could not be delivered.", message.Method, message.Target);
            }

            return new WireResponse(request.Id, null, null);
        }

        pendingCalls.Add(message);
        try
        {
            router.Send(message);
        }
        catch (Exception ex)
        {
            pendingCalls.Remove(message);
            return codec.ToResponse(request.Id, ex);
        }

        object? result;
        try
        {
            await response.Completion.WaitAsync(cancellationToken);
            result = message.Method.GetResult(response.Completion);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client reset the stream; the transport server drops the call.
            pendingCalls.Remove(message);
            throw;
        }
        catch (Exception ex)
        {
            return codec.ToResponse(request.Id, ex);
        }

        return codec.ToResponse(request.Id, message.Method, result);
    }
}
