namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>A persistent counter that tells which silo and which activation answered.</summary>
public interface IClusterCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Get();

    Task<Guid> GetActivationId();

    Task<string> GetSiloName();

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled, recording "waiting:key" and "cancelled:key" in the probe.</summary>
    Task WaitForCancellation(CancellationToken cancellationToken);
}
