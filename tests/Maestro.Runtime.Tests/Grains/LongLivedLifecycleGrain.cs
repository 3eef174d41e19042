namespace Maestro.Runtime.Tests.Grains;

[CollectionAgeLimit(Minutes = 10)]
public sealed class LongLivedLifecycleGrain(Probe probe, [PersistentState("memory")] IPersistentState<CounterState> memory)
    : LifecycleGrainBase(probe, memory);
