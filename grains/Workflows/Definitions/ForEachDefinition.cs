namespace Maestro.Grains.Workflows;

/// <summary>
/// Fan-out: the step runs once per item, in parallel. Either a literal list (items may hold expressions) or one
/// expression whose value is a JSON array or a comma-separated list.
/// </summary>
public sealed record ForEachDefinition(IReadOnlyList<SourceText>? Items, SourceText? Expression);
