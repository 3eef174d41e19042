using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_grain_call_reaches_a_persisted_grain_and_state_survives_a_restart()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<ICounterGrain>("a");
        Assert.Equal(2, await grain.Increment(2));
        Assert.Equal(5, await grain.Increment(3));

        await cluster.RestartSiloAsync();

        Assert.Equal(5, await cluster.Client.GetGrain<ICounterGrain>("a").Get());
    }
}
