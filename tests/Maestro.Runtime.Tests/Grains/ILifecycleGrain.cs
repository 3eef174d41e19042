namespace Maestro.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationId();

    Task<int> Remember(int value);

    Task<int> Recall();

    Task Deactivate();

    Task KeepAliveFor(TimeSpan span);
}
