using Maestro.Runtime.Messaging;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;

namespace Maestro.Client;

/// <summary>
/// Sends every call of the client to a gateway, in <see cref="GatewayList"/>'s order. A gateway that cannot be
/// reached, or that refuses the call before reading it (503: starting, stopping, declared dead), never ran it, so the
/// call moves on to the next gateway. A call whose connection breaks after it was sent may have run: it is not sent
/// again; the caller gets the <see cref="OrleansException"/> and the gateway is moved to the back, so the next call
/// goes elsewhere.
/// </summary>
internal sealed class GatewayMessageRouter(
    GatewayList gateways,
    WireCodec codec,
    SiloTransportClient transport,
    PendingCalls pendingCalls,
    ILogger<GatewayMessageRouter> logger) : IMessageRouter
{
    // A client has no grain turns to keep its network work out of, so the call is encoded on the caller's thread
    // (no thread-pool hop), and nothing after an await needs the caller's context.
    public void Send(Message message) => _ = SendAsync(message);

    private async Task SendAsync(Message message)
    {
        var callerToken = message.CancellationToken;
        try
        {
            var body = codec.Encode(codec.ToRequest(message));
            var refused = new List<string>();
            foreach (var gateway in gateways.Candidates())
            {
                using var call = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
                call.CancelAfter(Remaining(message));
                WireResponse? response;
                try
                {
                    response = await transport.SendAsync(gateway, body, call.Token).ConfigureAwait(false);
                }
                catch (SiloUnavailableException ex)
                {
                    gateways.Failed(gateway);
                    refused.Add($"{gateway}: {ex.Message}");
                    continue;
                }
                catch (OrleansException ex) when (ex is not WireFormatException)
                {
                    gateways.Failed(gateway);
                    throw;
                }

                gateways.Succeeded(gateway);
                if (response is not null && message.Response is not null)
                {
                    codec.Complete(message.Response, response, message.Method);
                }

                return;
            }

            throw new SiloUnavailableException(refused.Count == 0
                ? $"No gateway is known for the call {message.Method} to {message.Target}."
                : $"No gateway took the call {message.Method} to {message.Target}; it did not run. Tried: {string.Join("; ", refused)}");
        }
        catch (OperationCanceledException ex) when (callerToken.IsCancellationRequested)
        {
            message.Response?.TrySetCanceled(ex.CancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            Fail(message, new TimeoutException($"Response did not arrive on time in {message.Timeout} for call {message.Method} to {message.Target} through the gateway.", ex));
        }
        catch (Exception ex)
        {
            Fail(message, ex);
        }
        finally
        {
            pendingCalls.Remove(message);
        }
    }

    private void Fail(Message message, Exception error)
    {
        if (message.Response is null)
        {
            logger.LogWarning(error, "One-way call {Method} to {Grain} could not be delivered.", message.Method, message.Target);
        }

        message.Fail(error);
    }

    private static TimeSpan Remaining(Message message) =>
        TimeSpan.FromMilliseconds(Math.Max(1, message.Deadline - Environment.TickCount64));
}
