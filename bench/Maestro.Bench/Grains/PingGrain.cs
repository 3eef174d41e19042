namespace Maestro.Bench.Grains;

/// <summary>Answers at once, so a measured call is pure runtime cost: proxy, message, turn and response.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
