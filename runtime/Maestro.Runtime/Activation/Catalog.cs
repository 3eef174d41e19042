using System.Collections.Concurrent;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Activation;

/// <summary>The activations living in this silo, by grain id; creates one on the first call (virtual activation).</summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerPool> pools = new();
    private volatile bool stopping;

    public int ActivationCount => activations.Count + pools.Values.Sum(p => p.Count);

    public IEnumerable<ActivationData> Activations => activations.Values.Concat(pools.Values.SelectMany(p => p.Workers));

    /// <summary>Whether this silo has an activation of <paramref name="target"/> (active, activating or a stateless worker pool).</summary>
    public bool Hosts(GrainId target) => activations.ContainsKey(target) || pools.ContainsKey(target);

    /// <summary>Delivers work to the grain's activation, creating it if needed.</summary>
    public void Dispatch(ActivationWorkItem item, GrainId target)
    {
        // The common case first: the grain is already active here.
        if (activations.TryGetValue(target, out var active) && active.Enqueue(item))
        {
            return;
        }

        if (target.Type == ObserverRegistry.ObserverType)
        {
            DispatchToObserver(item, target);
            return;
        }

        var metadata = runtime.Manifest.GetClass(target.Type);
        if (metadata.StatelessWorker is { } worker)
        {
            if (stopping)
            {
                throw Stopping(target);
            }

            pools.GetOrAdd(target, static (id, s) => new StatelessWorkerPool(id, s.metadata, s.max, s.runtime), (metadata, max: worker.MaxLocalWorkers, runtime)).Dispatch(item);
            return;
        }

        while (true)
        {
            if (!activations.TryGetValue(target, out var activation))
            {
                if (stopping)
                {
                    throw Stopping(target);
                }

                activation = activations.GetOrAdd(target, static (id, s) => new ActivationData(id, s.metadata, s.runtime), (metadata, runtime));
            }

            if (activation.Enqueue(item))
            {
                return;
            }

            activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(target, activation));
        }
    }

    /// <summary>Re-sends work left queued on an activation that was deactivated before running it.</summary>
    public void Forward(ActivationWorkItem item, GrainId target)
    {
        try
        {
            if (stopping && runtime.Registrar is not null && item is Message message)
            {
                // A stopping cluster silo creates no activations, but another silo can: place the call afresh there.
                runtime.Services.GetRequiredService<IMessageRouter>().Send(message);
                return;
            }

            Dispatch(item, target);
        }
        catch (Exception ex)
        {
            item.Fail(ex);
        }
    }

    public void AddObserver(ActivationData activation) => activations[activation.GrainId] = activation;

    public void OnActivationRemoved(ActivationData activation)
    {
        if (activation.Pool is { } pool)
        {
            pool.Remove(activation);
        }
        else
        {
            activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
        }
    }

    /// <summary>Stops creating activations; calls to existing ones still run, so grains can finish their conversations.</summary>
    public void Stop() => stopping = true;

    /// <summary>Deactivates every activation and waits for them (each bounded by the deactivation timeout).</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason)
    {
        Stop();
        while (Activations.ToList() is { Count: > 0 } remaining)
        {
            foreach (var activation in remaining)
            {
                activation.Deactivate(reason);
            }

            await Task.WhenAll(remaining.Select(a => a.Deactivated));
        }
    }

    private void DispatchToObserver(ActivationWorkItem item, GrainId target)
    {
        if (!activations.TryGetValue(target, out var activation) || !activation.Enqueue(item))
        {
            throw new OrleansException($"Observer {target} no longer exists: it was deleted with DeleteObjectReference or its client stopped.");
        }
    }

    private static SiloUnavailableException Stopping(GrainId target) =>
        new($"The silo is shutting down and does not accept new activations (call to {target}). Retry against a running silo.");
}
