namespace Maestro.Runtime.Tests.Grains;

public interface IFailingActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}
