namespace Maestro.Runtime.Tests.Grains;

public sealed class TurnGrain(Probe probe) : TurnGrainBase(probe);
