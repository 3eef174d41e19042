namespace Maestro.GrainInterfaces.Workflows;

/// <summary>One page of a longer list: the items from <paramref name="Offset"/>, at most <paramref name="Limit"/>, of <paramref name="Total"/>.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
