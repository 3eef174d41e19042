namespace Maestro.Grains.Workflows;

/// <summary>An executable started directly (never through a shell) with its arguments as a list.</summary>
public sealed record ProcessStepSpec(
    SourceText Command,
    IReadOnlyList<SourceText> Args,
    SourceText? WorkingDirectory,
    IReadOnlyDictionary<string, SourceText> Env) : StepSpec
{
    public override IEnumerable<SourceText> Expressions() =>
        new[] { Command }.Concat(Args).Concat(Env.Values).Concat(WorkingDirectory is null ? [] : [WorkingDirectory]);
}
