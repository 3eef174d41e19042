namespace Maestro.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Waits until <paramref name="count"/> calls are inside workers, then returns its activation id.</summary>
    Task<Guid> Gather(int count);
}
