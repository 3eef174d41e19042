namespace Maestro.Runtime.Tests.MultiSilo;

public sealed class ClusterCounterState
{
    public int Value { get; set; }
}
