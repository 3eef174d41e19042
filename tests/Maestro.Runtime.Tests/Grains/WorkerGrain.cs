using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Tests.Grains;

[StatelessWorker(3)]
public sealed class WorkerGrain(Probe probe) : Grain, IWorkerGrain
{
    private static int inside;

    public async Task<Guid> Gather(int count)
    {
        using (probe.Enter())
        {
            if (Interlocked.Increment(ref inside) >= count)
            {
                probe.Signal("gathered").TrySetResult();
            }

            await probe.Signal("gathered").Task;
            return GrainContext.ActivationId;
        }
    }
}
