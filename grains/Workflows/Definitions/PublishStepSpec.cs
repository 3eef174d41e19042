namespace Maestro.Grains.Workflows;

/// <summary>Publishes an event (a map of strings) to a named stream.</summary>
public sealed record PublishStepSpec(SourceText Stream, IReadOnlyDictionary<string, SourceText> Payload) : StepSpec
{
    public override IEnumerable<SourceText> Expressions() => new[] { Stream }.Concat(Payload.Values);
}
