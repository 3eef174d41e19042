namespace Maestro.Runtime.Tests.Grains;

public sealed class CallGrain(Probe probe) : Grain, ICallGrain
{
    private static FrozenOrder? lastFrozen;
    private Order? kept;
    private int calls;

    public Task<Order> Keep(Order order)
    {
        calls++;
        order.Lines.Add("added by the grain");
        kept = order;
        return Task.FromResult(order);
    }

    public Task<Order> Kept() => Task.FromResult(kept!);

    public Task<bool> IsSameInstance(FrozenOrder order)
    {
        var same = ReferenceEquals(order, lastFrozen);
        lastFrozen = order;
        return Task.FromResult(same);
    }

    public Task Reject(string orderId) => throw new OrderRejectedException($"Order {orderId} is rejected.") { OrderId = orderId };

    public Task<int> Divide(int a, int b) => Task.FromResult(a / b);

    public async Task<string> WaitUntilCancelled(CancellationToken cancellationToken)
    {
        calls++;
        probe.Record("waiting-for-cancel");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "not cancelled";
        }
        catch (OperationCanceledException)
        {
            probe.Record("grain-saw-cancel");
            throw;
        }
    }

    public Task<int> Calls() => Task.FromResult(calls);

    public async Task FireAndForget(string signal)
    {
        await probe.Signal(signal).Task;
        probe.Record("one-way-finished");
        throw new InvalidOperationException("Nobody hears a one-way failure.");
    }

    public ValueTask<int> ValueTaskAdd(int a, int b) => ValueTask.FromResult(a + b);

    public ValueTask Nothing() => ValueTask.CompletedTask;

    public Task<string> CallOther(string key) => GrainFactory.GetGrain<ICallGrain>(key).Reject("nested").ContinueWith(t => t.Exception!.InnerException!.GetType().Name, TaskScheduler.Current);
}
