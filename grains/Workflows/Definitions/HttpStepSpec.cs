namespace Maestro.Grains.Workflows;

/// <summary>An HTTP request; it fails unless the response status is one of <paramref name="ExpectStatus"/> (any 2xx when empty).</summary>
public sealed record HttpStepSpec(
    string Method,
    SourceText Url,
    IReadOnlyDictionary<string, SourceText> Headers,
    SourceText? Body,
    IReadOnlyList<int> ExpectStatus) : StepSpec
{
    public override IEnumerable<SourceText> Expressions() =>
        new[] { Url }.Concat(Headers.Values).Concat(Body is null ? [] : [Body]);
}
