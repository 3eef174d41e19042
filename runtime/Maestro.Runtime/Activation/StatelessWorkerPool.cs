using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Activation;

/// <summary>The local activations of one [StatelessWorker] grain: an idle worker takes the call, else a new one up to the limit, else the least busy.</summary>
internal sealed class StatelessWorkerPool(GrainId grainId, GrainClassMetadata metadata, int maxWorkers, GrainRuntime runtime)
{
    private readonly List<ActivationData> workers = [];

    public int Count
    {
        get
        {
            lock (workers)
            {
                return workers.Count;
            }
        }
    }

    public IReadOnlyList<ActivationData> Workers
    {
        get
        {
            lock (workers)
            {
                return [.. workers];
            }
        }
    }

    public void Dispatch(ActivationWorkItem item)
    {
        while (true)
        {
            var worker = Choose();
            if (worker.Enqueue(item))
            {
                return;
            }

            Remove(worker);
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (workers)
        {
            workers.Remove(worker);
        }
    }

    private ActivationData Choose()
    {
        lock (workers)
        {
            ActivationData? leastBusy = null;
            var lowest = int.MaxValue;
            foreach (var worker in workers)
            {
                var load = worker.Load;
                if (load < lowest)
                {
                    (leastBusy, lowest) = (worker, load);
                }
            }

            if (leastBusy is not null && (lowest == 0 || workers.Count >= maxWorkers))
            {
                return leastBusy;
            }

            var created = new ActivationData(grainId, metadata, runtime, this);
            workers.Add(created);
            return created;
        }
    }
}
