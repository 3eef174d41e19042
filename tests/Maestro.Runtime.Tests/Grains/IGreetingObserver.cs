namespace Maestro.Runtime.Tests.Grains;

public interface IGreetingObserver : IGrainObserver
{
    Task Greeted(string message);
}
