namespace Maestro.Runtime.Tests.Grains;

public sealed class VoidMethodGrain : Grain, IVoidMethodGrain
{
    public void Fire()
    {
    }
}
