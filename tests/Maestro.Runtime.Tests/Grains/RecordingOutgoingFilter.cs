namespace Maestro.Runtime.Tests.Grains;

/// <summary>A filter on calls leaving the caller, recording what it sees.</summary>
public sealed class RecordingOutgoingFilter(Probe probe) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        probe.Record($"outgoing:{context.InterfaceName}.{context.MethodName}:{context.TargetId}");
        await context.Invoke();
        probe.Record($"outgoing-result:{context.Result}");
    }
}
