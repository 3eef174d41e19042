using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Tests.Grains;

[Reentrant]
public sealed class ReentrantTurnGrain(Probe probe) : TurnGrainBase(probe);
