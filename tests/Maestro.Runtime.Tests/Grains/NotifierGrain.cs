namespace Maestro.Runtime.Tests.Grains;

public sealed class NotifierGrain : Grain, INotifierGrain
{
    public Task Notify(IGreetingObserver observer, string message) => observer.Greeted($"{message} from {this.GetPrimaryKey():N}");
}
