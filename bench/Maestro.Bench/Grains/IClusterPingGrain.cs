namespace Maestro.Bench.Grains;

/// <summary>A ping for cross-silo calls that also tells which silo hosts it, so the bench can check placement.</summary>
public interface IClusterPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);

    Task<string> GetSiloName();
}
