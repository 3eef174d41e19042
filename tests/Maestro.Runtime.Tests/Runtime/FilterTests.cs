using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

public sealed class FilterTests
{
    [Fact]
    public async Task Silo_filters_run_before_the_grains_own_filter_and_can_change_arguments_and_results()
    {
        await using var cluster = await TestClusters.StartAsync(silo => silo
            .AddIncomingGrainCallFilter<RecordingIncomingFilter>()
            .AddOutgoingGrainCallFilter<RecordingOutgoingFilter>());
        var probe = cluster.Probe();

        var result = await cluster.Client.GetGrain<IFilteredGrain>("f").Greet("ada");

        Assert.Equal("hello ADA!", result);
        Assert.Equal(
        [
            "outgoing:IFilteredGrain.Greet:filtered/f",
            "incoming:IFilteredGrain.Greet:filtered/f:client",
            "grain-filter:FilteredGrain.Greet",
            "incoming-result:hello ADA!",
            "outgoing-result:hello ADA!",
        ], probe.Events);
    }
}
