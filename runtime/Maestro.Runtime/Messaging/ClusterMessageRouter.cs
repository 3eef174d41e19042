using System.Collections.Concurrent;
using Maestro.Runtime.Activation;
using Maestro.Runtime.Cluster;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Messaging;

/// <summary>
/// Routes calls in a cluster: to this silo's catalog when the grain lives (or is placed) here, otherwise over the
/// silo transport to the silo the locator names. The caller's response is completed from the wire response; a silo
/// that cannot be reached fails the call with <see cref="SiloUnavailableException"/> and drops the cached entry, so
/// the next call locates the grain afresh.
/// </summary>
internal sealed class ClusterMessageRouter(
    GrainRuntime runtime,
    GrainLocator locator,
    ClusterView view,
    WireCodec codec,
    SiloTransportClient transport,
    ILogger<ClusterMessageRouter> logger) : IMessageRouter
{
    private static readonly string SiloUnavailableName = WireTypes.NameOf(typeof(SiloUnavailableException));

    // One Uri per peer incarnation, not one per call; the set of silos a cluster ever sees is small.
    private readonly ConcurrentDictionary<SiloAddress, Uri> addresses = new();

    public void Send(Message message)
    {
        var target = message.Target;
        if (view.Refusal(target) is { } refusal)
        {
            throw refusal;
        }

        // Observers, stateless workers and grains already here never leave the silo: the common case stays synchronous.
        if (target.Type == ObserverRegistry.ObserverType || runtime.Catalog.Hosts(target) || runtime.Manifest.GetClass(target.Type).StatelessWorker is not null)
        {
            runtime.Catalog.Dispatch(message, target);
            return;
        }

        if (locator.TryGetCached(target, out var cached))
        {
            SendTo(message, cached.SiloAddress);
            return;
        }

        // On the thread pool: a call made inside a grain's turn must not run its network work on that grain's scheduler.
        _ = Task.Run(() => LocateAndSendAsync(message), CancellationToken.None);
    }

    /// <summary>Delivers <paramref name="message"/> to <paramref name="silo"/>; failures complete the caller's response.</summary>
    public void SendTo(Message message, SiloAddress silo)
    {
        if (silo == view.LocalAddress)
        {
            try
            {
                runtime.Catalog.Dispatch(message, message.Target);
            }
            catch (Exception ex)
            {
                Fail(message, ex);
            }

            return;
        }

        // Encoding runs on the caller's thread (inside a grain, as part of its turn, as in Orleans); every await below
        // resumes on the thread pool, never on the caller's grain scheduler, so no hop is spent before the send.
        _ = SendRemoteAsync(message, silo);
    }

    private async Task LocateAndSendAsync(Message message)
    {
        SiloAddress silo;
        try
        {
            using var deadline = new CancellationTokenSource(Remaining(message));
            silo = await locator.LocateAsync(message.Target, deadline.Token);
        }
        catch (Exception ex)
        {
            Fail(message, ex);
            return;
        }

        SendTo(message, silo);
    }

    private async Task SendRemoteAsync(Message message, SiloAddress silo)
    {
        var callerToken = message.CancellationToken;
        try
        {
            var request = codec.ToRequest(message);
            using var call = CancellationTokenSource.CreateLinkedTokenSource(callerToken);

            // The deadline resets the HTTP/2 stream too, so the callee stops waiting when the caller does.
            call.CancelAfter(Remaining(message));
            var response = await transport.SendAsync(Address(silo), request, call.Token).ConfigureAwait(false);
            if (response is null || message.Response is null)
            {
                return;
            }

            if (response.Moved || response.Exception?.Type == SiloUnavailableName)
            {
                // The grain is not there (any more), or the silo is stopping or not yet joined: the next call looks
                // the grain up again instead of going through that silo.
                locator.Invalidate(message.Target, silo);
            }

            codec.Complete(message.Response, response, message.Method);
        }
        catch (SiloUnavailableException ex)
        {
            locator.Invalidate(message.Target, silo);
            Fail(message, ex);
        }
        catch (OperationCanceledException ex) when (callerToken.IsCancellationRequested)
        {
            message.Response?.TrySetCanceled(ex.CancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            Fail(message, new TimeoutException($"Response did not arrive on time in {message.Timeout} for call {message.Method} to {message.Target} on silo {silo}.", ex));
        }
        catch (Exception ex)
        {
            Fail(message, ex);
        }
        finally
        {
            runtime.PendingCalls.Remove(message);
        }
    }

    private void Fail(Message message, Exception error)
    {
        if (message.Response is null)
        {
            logger.LogWarning(error, "One-way call {Method} to {Grain} could not be delivered.", message.Method, message.Target);
        }

        message.Fail(error);
        runtime.PendingCalls.Remove(message);
    }

    private static TimeSpan Remaining(Message message) =>
        TimeSpan.FromMilliseconds(Math.Max(1, message.Deadline - Environment.TickCount64));

    private Uri Address(SiloAddress silo) => addresses.GetOrAdd(silo, static s =>
        new(s.Host.Contains(':', StringComparison.Ordinal) ? $"http://[{s.Host}]:{s.Port}/" : $"http://{s.Host}:{s.Port}/"));
}
