using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Runtime;

public sealed class CallBoundaryTests
{
    [Fact]
    public async Task Arguments_and_results_are_copied_so_caller_and_grain_never_share_a_mutable_object()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ICallGrain>("copy");
        var order = new Order { Id = "o-1", Lines = ["widget"] };

        var returned = await grain.Keep(order);

        Assert.Equal(["widget"], order.Lines);
        Assert.Equal(["widget", "added by the grain"], returned.Lines);
        returned.Lines.Add("changed by the caller");
        Assert.Equal(["widget", "added by the grain"], (await grain.Kept()).Lines);
    }

    [Fact]
    public async Task Immutable_types_are_passed_by_reference()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ICallGrain>("frozen");
        var frozen = new FrozenOrder { Id = "f" };

        await grain.IsSameInstance(frozen);

        Assert.True(await grain.IsSameInstance(frozen));
    }

    [Fact]
    public async Task Exceptions_reach_the_caller_with_their_type_message_and_data()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ICallGrain>("errors");

        var rejected = await Assert.ThrowsAsync<OrderRejectedException>(() => grain.Reject("o-9"));
        Assert.Equal("Order o-9 is rejected.", rejected.Message);
        Assert.Equal("o-9", rejected.OrderId);
        await Assert.ThrowsAsync<DivideByZeroException>(() => grain.Divide(1, 0));
        Assert.Equal(nameof(OrderRejectedException), await grain.CallOther("errors-2"));
        Assert.Equal(3, await grain.Divide(9, 3));
    }

    [Fact]
    public async Task Cancelling_the_callers_token_cancels_the_grain_method_and_the_call()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ICallGrain>("cancel");
        using var cancellation = new CancellationTokenSource();

        var call = grain.WaitUntilCancelled(cancellation.Token);
        await Probe.Eventually(() => probe.Saw("waiting-for-cancel"), "the grain method is running");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Probe.Eventually(() => probe.Saw("grain-saw-cancel"), "the grain observes the cancellation");
    }

    [Fact]
    public async Task A_call_with_an_already_cancelled_token_is_not_sent()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ICallGrain>("precancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.WaitUntilCancelled(new CancellationToken(canceled: true)));

        Assert.Equal(0, await grain.Calls());
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_runs_and_its_failure_does_not_reach_the_caller()
    {
        await using var cluster = await TestClusters.StartAsync();
        var probe = cluster.Probe();
        var grain = cluster.Client.GetGrain<ICallGrain>("oneway");

        await grain.FireAndForget("finish-one-way");

        Assert.False(probe.Saw("one-way-finished"));
        probe.Signal("finish-one-way").SetResult();
        await Probe.Eventually(() => probe.Saw("one-way-finished"), "the one-way call runs");
    }

    [Fact]
    public async Task ValueTask_methods_work_like_Task_methods()
    {
        await using var cluster = await TestClusters.StartAsync();
        var grain = cluster.Client.GetGrain<ICallGrain>("vt");

        Assert.Equal(5, await grain.ValueTaskAdd(2, 3));
        await grain.Nothing();
    }
}
