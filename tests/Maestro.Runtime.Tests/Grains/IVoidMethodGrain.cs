namespace Maestro.Runtime.Tests.Grains;

/// <summary>An invalid grain interface: grain methods must return a task.</summary>
public interface IVoidMethodGrain : IGrainWithStringKey
{
    void Fire();
}
