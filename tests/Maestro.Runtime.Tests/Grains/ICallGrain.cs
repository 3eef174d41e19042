using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Tests.Grains;

public interface ICallGrain : IGrainWithStringKey
{
    Task<Order> Keep(Order order);

    Task<Order> Kept();

    Task<bool> IsSameInstance(FrozenOrder order);

    Task Reject(string orderId);

    Task<int> Divide(int a, int b);

    Task<string> WaitUntilCancelled(CancellationToken cancellationToken);

    Task<int> Calls();

    [OneWay]
    Task FireAndForget(string signal);

    ValueTask<int> ValueTaskAdd(int a, int b);

    ValueTask Nothing();

    Task<string> CallOther(string key);
}
