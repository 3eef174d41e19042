namespace Maestro.Runtime.Tests.Grains;

public sealed class LifecycleGrain(Probe probe, [PersistentState("memory")] IPersistentState<CounterState> memory)
    : LifecycleGrainBase(probe, memory);
