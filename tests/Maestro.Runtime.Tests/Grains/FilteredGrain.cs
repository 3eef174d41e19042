namespace Maestro.Runtime.Tests.Grains;

/// <summary>Filters its own calls, after the silo-wide filters.</summary>
public sealed class FilteredGrain(Probe probe) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<string> Greet(string name) => Task.FromResult($"hello {name}");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        probe.Record($"grain-filter:{context.ImplementationMethod.DeclaringType!.Name}.{context.MethodName}");
        await context.Invoke();
        context.Result = (string)context.Result! + "!";
    }
}
