namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>A grain that can be told to deactivate, so a test can make it come back on another silo.</summary>
public interface IRelocatableGrain : IGrainWithStringKey
{
    Task<string> GetSiloName();

    Task Deactivate();
}
