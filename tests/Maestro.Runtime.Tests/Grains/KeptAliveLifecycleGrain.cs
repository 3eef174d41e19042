namespace Maestro.Runtime.Tests.Grains;

[KeepAlive]
public sealed class KeptAliveLifecycleGrain(Probe probe, [PersistentState("memory")] IPersistentState<CounterState> memory)
    : LifecycleGrainBase(probe, memory);
