namespace Maestro.Runtime.Tests.Grains;

public interface INotifierGrain : IGrainWithGuidKey
{
    Task Notify(IGreetingObserver observer, string message);
}
