namespace Maestro.Runtime.Tests.Grains;

public interface ISlowLifecycleGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationId();

    Task Deactivate();
}
