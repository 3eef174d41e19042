namespace Maestro.Grains.Workflows;

/// <summary>Waits for a duration, counted from when the step started (so a resumed workflow does not wait again from zero).</summary>
public sealed record WaitStepSpec(TimeSpan Duration) : StepSpec
{
    public override IEnumerable<SourceText> Expressions() => [];
}
