namespace Maestro.Runtime.Tests.Grains;

public interface IMissingServiceGrain : IGrainWithStringKey
{
    Task Touch();
}
