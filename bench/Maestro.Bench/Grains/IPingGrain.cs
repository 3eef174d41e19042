namespace Maestro.Bench.Grains;

/// <summary>The smallest useful grain call: an int in, an int out, no state.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}
