namespace Maestro.TestGrains;

/// <summary>The persisted state of <see cref="TestCounterGrain"/>.</summary>
public sealed class TestCounterState
{
    public long Value { get; set; }
}
