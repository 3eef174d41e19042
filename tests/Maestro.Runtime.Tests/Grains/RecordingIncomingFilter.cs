namespace Maestro.Runtime.Tests.Grains;

/// <summary>A silo-wide filter that records calls to IFilteredGrain and upper-cases its argument.</summary>
public sealed class RecordingIncomingFilter(Probe probe) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceName != nameof(IFilteredGrain))
        {
            await context.Invoke();
            return;
        }

        probe.Record($"incoming:{context.InterfaceName}.{context.MethodName}:{context.TargetId}:{context.SourceId?.ToString() ?? "client"}");
        context.Request.SetArgument(0, ((string)context.Request.GetArgument(0)!).ToUpperInvariant());
        await context.Invoke();
        probe.Record($"incoming-result:{context.Result}");
    }
}
