namespace Maestro.Runtime.Concurrency;

/// <summary>
/// A pool of activations per silo instead of one per key, for stateless work. Each worker still runs one turn at a time.
/// </summary>
/// <param name="maxLocalWorkers">At most this many activations per silo; 0 or less means one per processor.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    public int MaxLocalWorkers { get; } = maxLocalWorkers > 0 ? maxLocalWorkers : Environment.ProcessorCount;
}
