using Maestro.Runtime.Hosting;
using Maestro.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Runtime.Tests;

public sealed class SiloStatusTests
{
    [Fact]
    public async Task The_silo_status_shows_its_name_start_time_and_activations()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var status = cluster.ServiceProvider.GetRequiredService<ISiloStatus>();
        Assert.Equal("test-silo", status.SiloName);
        Assert.NotNull(status.StartedAt);
        Assert.Equal(0, status.ActivationCount);

        await cluster.Client.GetGrain<ICounterGrain>("a").Increment(1);
        await cluster.Client.GetGrain<ICounterGrain>("b").Increment(1);

        Assert.Equal(2, status.ActivationCount);
    }
}
