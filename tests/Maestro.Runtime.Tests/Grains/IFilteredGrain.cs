namespace Maestro.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<string> Greet(string name);
}
