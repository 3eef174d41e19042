namespace Maestro.Runtime.Tests.Grains;

/// <summary>Asks for a service nobody registered.</summary>
public sealed class MissingServiceGrain(IServiceNobodyRegistered dependency) : Grain, IMissingServiceGrain
{
    public Task Touch() => Task.FromResult(dependency);
}
